#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace vigie::store {

Expected<std::unique_ptr<Store>> open_store(const StoreConfig& config) {
  if (config.engine == "sqlite") {
    auto store = sqlite::SqliteStore::open(config);
    if (!store) return store.error();
    return std::unique_ptr<Store>(std::move(*store));
  }
  return Error::invalid("store.engine", "unknown engine \"" + config.engine +
                                            "\" (this version has: sqlite)");
}

}  // namespace vigie::store
