#include "models/planning/gap_instance.hpp"

#include <charconv>

namespace vigie::models::planning {
namespace {

// The whitespace-separated integers of a text, with each one's line for error messages.
struct Tokens {
  std::vector<std::int64_t> values;
  std::vector<int> lines;
};

Expected<Tokens> integers_of(std::string_view text, const std::string& stem) {
  Tokens tokens;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const char ch = text[i];
    if (ch == '\n') ++line;
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\r' &&
           text[end] != '\n') {
      ++end;
    }
    std::int64_t value = 0;
    const auto [stop, error] = std::from_chars(text.data() + i, text.data() + end, value);
    if (error != std::errc{} || stop != text.data() + end) {
      return Error::invalid(stem + ":" + std::to_string(line),
                            "\"" + std::string{text.substr(i, end - i)} + "\" is not an integer");
    }
    tokens.values.push_back(value);
    tokens.lines.push_back(line);
    i = end;
  }
  return tokens;
}

class Reader {
 public:
  Reader(const Tokens& tokens, const std::string& stem) : tokens_(tokens), stem_(stem) {}
  bool at_end() const { return next_ == tokens_.values.size(); }
  std::size_t left() const { return tokens_.values.size() - next_; }

  Expected<std::int64_t> take(const std::string& what, std::int64_t min, std::int64_t max) {
    if (at_end()) return Error::invalid(stem_, "ends before " + what);
    const std::int64_t value = tokens_.values[next_];
    if (value < min || value > max) {
      return Error::invalid(stem_ + ":" + std::to_string(tokens_.lines[next_]),
                            what + " is " + std::to_string(value) + ", must be in [" +
                                std::to_string(min) + ", " + std::to_string(max) + "]");
    }
    ++next_;
    return value;
  }

  Expected<GapInstance> instance(std::string name) {
    GapInstance gap;
    gap.name = std::move(name);
    const std::string where = gap.name + ": ";
    auto agents = take(where + "the number of agents", 1, 10'000);
    if (!agents) return agents.error();
    auto jobs = take(where + "the number of jobs", 1, 1'000'000);
    if (!jobs) return jobs.error();
    gap.agents = static_cast<int>(*agents);
    gap.jobs = static_cast<int>(*jobs);
    const std::size_t cells = static_cast<std::size_t>(*agents) * static_cast<std::size_t>(*jobs);
    if (left() < 2 * cells + static_cast<std::size_t>(*agents)) {
      return Error::invalid(stem_, where + "expects " + std::to_string(2 * cells + gap.agents) +
                                       " numbers after its size, the file has " +
                                       std::to_string(left()));
    }
    constexpr std::int64_t kLimit = 1'000'000'000;  // keeps every sum far from overflow
    for (auto* matrix : {&gap.cost, &gap.resource}) {
      const char* what = matrix == &gap.cost ? "a cost" : "a resource";
      matrix->reserve(cells);
      for (std::size_t k = 0; k < cells; ++k) {
        auto value = take(where + what, matrix == &gap.cost ? -kLimit : 0, kLimit);
        if (!value) return value.error();
        matrix->push_back(*value);
      }
    }
    for (int i = 0; i < gap.agents; ++i) {
      auto value = take(where + "a capacity", 0, kLimit);
      if (!value) return value.error();
      gap.capacity.push_back(*value);
    }
    return gap;
  }

 private:
  const Tokens& tokens_;
  const std::string& stem_;
  std::size_t next_ = 0;
};

// A file with a leading count holds count instances exactly; a single instance holds
// 2 + 2mn + m numbers from its first. Which reading fits the whole file decides.
bool holds_a_count(const Tokens& tokens) {
  const auto& v = tokens.values;
  if (v.size() < 3) return false;
  std::size_t at = 1;
  for (std::int64_t k = 0; k < v[0]; ++k) {
    if (at + 2 > v.size() || v[at] <= 0 || v[at + 1] <= 0) return false;
    const auto m = static_cast<std::size_t>(v[at]);
    const auto n = static_cast<std::size_t>(v[at + 1]);
    at += 2 + 2 * m * n + m;
    if (at > v.size()) return false;
  }
  return at == v.size();
}

}  // namespace

std::string_view sense_name(Sense sense) { return sense == Sense::maximise ? "max" : "min"; }

Expected<std::vector<GapInstance>> parse_gap_file(std::string_view text, const std::string& stem) {
  auto tokens = integers_of(text, stem);
  if (!tokens) return tokens.error();
  if (tokens->values.empty()) return Error::invalid(stem, "holds no instance");
  Reader reader(*tokens, stem);
  std::vector<GapInstance> instances;
  if (holds_a_count(*tokens)) {
    auto count = reader.take("the number of instances", 1, 10'000);
    if (!count) return count.error();
    for (std::int64_t k = 1; k <= *count; ++k) {
      auto gap = reader.instance(stem + "-" + std::to_string(k));
      if (!gap) return gap.error();
      instances.push_back(std::move(*gap));
    }
  } else {
    auto gap = reader.instance(stem);
    if (!gap) return gap.error();
    instances.push_back(std::move(*gap));
  }
  if (!reader.at_end()) {
    return Error::invalid(stem, std::to_string(reader.left()) + " numbers left after the last instance");
  }
  return instances;
}

}  // namespace vigie::models::planning
