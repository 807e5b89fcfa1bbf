#include "cli/context.hpp"

#include <cstdio>
#include <filesystem>

#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "ingest/archiver.hpp"

extern char** environ;

namespace vigie::cli {
namespace {

std::vector<std::string> environment_entries() {
  std::vector<std::string> entries;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    entries.emplace_back(*entry);
  }
  return entries;
}

std::string config_file_path(const GlobalFlags& flags) {
  if (!flags.config_path.empty()) return flags.config_path;
  if (const char* from_env = std::getenv("VIGIE_CONFIG"); from_env != nullptr) return from_env;
  if (std::filesystem::exists("vigie.toml")) return "vigie.toml";
  return {};
}

}  // namespace

const Config& Context::config() {
  if (config_) return *config_;
  const std::string path = config_file_path(flags_);
  if (!path.empty() && !std::filesystem::exists(path)) {
    throw StartupError{"configuration file not found: " + path};
  }
  auto file = read_config_file(path);
  if (!file) throw StartupError{"configuration: " + file.error().describe()};
  Settings flags = flags_.extra;
  if (!flags_.data_dir.empty()) flags["data_dir"] = flags_.data_dir;
  if (!flags_.log_level.empty()) flags["log_level"] = flags_.log_level;
  auto config = build_config({*file, settings_from_environment(environment_entries()), flags});
  if (!config) throw StartupError{"configuration: " + config.error().describe()};
  config_ = std::make_unique<Config>(std::move(*config));
  return *config_;
}

const Logger& Context::log() {
  if (!log_) log_ = std::make_unique<Logger>(parse_log_level(config().log_level).value_or(LogLevel::info));
  return *log_;
}

const Logger& Context::quiet_log() {
  if (!flags_.log_level.empty()) return log();
  if (!quiet_log_) quiet_log_ = std::make_unique<Logger>(LogLevel::warn);
  return *quiet_log_;
}

store::Store& Context::store() {
  if (store_) return *store_;
  const Config& cfg = config();
  std::error_code ec;
  if (std::filesystem::create_directories(cfg.data_dir, ec)) {
    // New: readable by its owner only (the store holds token hashes and the company's data).
    std::filesystem::permissions(cfg.data_dir, std::filesystem::perms::owner_all, ec);
  }
  if (ec) throw StartupError{"cannot create data directory " + cfg.data_dir + ": " + ec.message()};
  auto opened = store::open_store({cfg.store_engine, cfg.store_path(), true});
  if (!opened) throw StartupError{"cannot open the store: " + opened.error().describe()};
  store_ = std::move(*opened);
  return *store_;
}

Expected<std::uint64_t> Context::archive_pending() {
  ingest::RawArchiveOptions archive;
  archive.archive_dir = config().lake_dir();
  archive.max_file_bytes = config().archive_max_file_bytes;
  ingest::Archiver archiver(store(), archive, log());
  return archiver.catch_up();
}

void Context::lock_data_dir(const std::string& command) {
  if (lock_) return;
  auto lock = DataDirLock::acquire(config().data_dir, command);
  if (!lock) throw StartupError{lock.error().describe()};
  lock_.emplace(std::move(*lock));
}

int Context::require_empty_store(const char* command) {
  auto count = store().event_count();
  if (!count) {
    std::fprintf(stderr, "vigie: %s\n", count.error().describe().c_str());
    return kExitFailure;
  }
  if (*count == 0) {
    // A KPI snapshot left there describes another store's events: once this one is filled, its
    // event at the snapshot's watermark might happen to have the same id.
    std::error_code ignored;
    std::filesystem::remove(config().kpi_snapshot_path(), ignored);
    return kExitOk;
  }
  std::fprintf(stderr,
               "vigie %s : la base de %s contient déjà %s événements ; il faut un répertoire "
               "de données vide (--data-dir)\n",
               command, config().data_dir.c_str(),
               format_integer_fr(static_cast<std::int64_t>(*count)).c_str());
  return kExitUsage;
}

int report_failure(const char* command, const Error& error) {
  std::fprintf(stderr, "vigie %s: %s\n", command, error.describe().c_str());
  return kExitFailure;
}

}  // namespace vigie::cli
