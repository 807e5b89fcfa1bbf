#include "kpi/company_loader.hpp"

namespace vigie::kpi {

Expected<Company> load_company(const store::Store& store, CompanySettings settings) {
  constexpr std::size_t kChunk = 100'000;
  Company company(settings);
  std::int64_t after = 0;
  for (;;) {
    auto last = store.scan_events(after, kChunk, [&company](std::int64_t, const events::Event& e) {
      company.apply(e);
    });
    if (!last) return last.error();
    if (*last == after) {
      company.refresh();
      return company;
    }
    after = *last;
  }
}

}  // namespace vigie::kpi
