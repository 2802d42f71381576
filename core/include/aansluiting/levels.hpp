#pragma once
// School types, tracks and reference levels a goal can apply to.

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aansluiting {

enum class Level : std::uint8_t {
  VmboBB, VmboKB, VmboGL, VmboTL,
  Havo, Vwo,
  Mbo1, Mbo2, Mbo3, Mbo4,
  Ref1F, Ref2F, Ref3F, Ref4F,
  CefrA1, CefrA2, CefrB1, CefrB2, CefrC1, CefrC2,
  Count
};

constexpr std::size_t kLevelCount = static_cast<std::size_t>(Level::Count);

// Short canonical name: "vmbo tl", "havo", "mbo 2", "2F", "B1".
std::string_view level_name(Level level);

// The school type a level belongs to; None for the reference levels (1F-4F, CEFR).
enum class SchoolType : std::uint8_t { Vmbo, Havo, Vwo, Mbo, None };
SchoolType school_type(Level level);

// Accepts canonical names and the SLO vocabulary ("bb vmbo tl", "havo 4",
// "vmbo gl, 3", "B1+", "tl", "mavo"); case-insensitive. nullopt if unknown.
std::optional<Level> parse_level(std::string_view text);

// The levels a text parse_level does not read most likely means, for a "did you
// mean": "niveau 2" and "mbo niveau 2" are mbo 2, "niveau 2F" is 2F, "vmbo kader"
// and "kaderberoepsgerichte leerweg" vmbo kb, "vmbo gt" gl or tl, "havo4" havo; a
// slip of a letter ("vmbo tll") the nearest names, at most two. Empty when
// nothing is close.
std::vector<Level> likely_levels(std::string_view text);

class LevelSet {
 public:
  LevelSet() = default;
  LevelSet(std::initializer_list<Level> levels) {
    for (Level l : levels) add(l);
  }

  void add(Level l) { bits_.set(static_cast<std::size_t>(l)); }
  void add(LevelSet other) { bits_ |= other.bits_; }
  bool contains(Level l) const { return bits_.test(static_cast<std::size_t>(l)); }
  bool intersects(LevelSet other) const { return (bits_ & other.bits_).any(); }
  bool empty() const { return bits_.none(); }
  std::size_t size() const { return bits_.count(); }
  std::vector<Level> to_vector() const;
  // "vmbo gl, vmbo tl"
  std::string to_string() const;
  bool operator==(const LevelSet&) const = default;

  // Parses a list separated by ',', ';' or '|'; unknown names are reported
  // through `unknown` (when given) and skipped.
  static LevelSet parse(std::string_view list, std::vector<std::string>* unknown = nullptr);

 private:
  std::bitset<kLevelCount> bits_;
};

}  // namespace aansluiting
