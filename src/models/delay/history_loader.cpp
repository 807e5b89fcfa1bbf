#include "models/delay/history_loader.hpp"

namespace vigie::models {

Expected<LoadedHistory> load_history(const store::Store& store) {
  LoadedHistory loaded;
  constexpr std::size_t kPage = 50'000;
  for (;;) {
    auto last = store.scan_events(loaded.watermark_seq, kPage,
                                  [&loaded](std::int64_t, const events::Event& event) {
                                    loaded.history.apply(event);
                                  });
    if (!last) return last.error();
    if (*last == loaded.watermark_seq) break;
    loaded.watermark_seq = *last;
  }
  loaded.history.sort();
  return loaded;
}

}  // namespace vigie::models
