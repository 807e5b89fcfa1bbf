// store/sqlite/migrations.hpp — the versioned schema of the SQLite store, applied at start.
// A migration is never edited once released: add a new one at the end of the list.
#pragma once

#include "common/expected.hpp"
#include "store/sqlite/database.hpp"

namespace vigie::store::sqlite {

// Applies, in one transaction each, every migration newer than the database's version.
Expected<void> migrate(Database& db);

// The version the code expects (the number of migrations).
int schema_version();

}  // namespace vigie::store::sqlite
