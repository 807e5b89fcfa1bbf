// kpi/company_loader.hpp — folds every stored event into a Company (the from-scratch path: the
// CLI, and a server's start until the aggregates are persisted).
#pragma once

#include "common/expected.hpp"
#include "kpi/company.hpp"
#include "store/store.hpp"

namespace vigie::kpi {

Expected<Company> load_company(const store::Store& store, CompanySettings settings = {});

}  // namespace vigie::kpi
