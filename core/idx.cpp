#include "idx.hpp"

#include <algorithm>
#include <string>

#include "config.hpp"

namespace nnplay {

namespace {

[[noreturn]] void bad(const std::string& what) { throw ConfigError("idx: " + what); }

std::uint32_t big_endian(std::string_view bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) v = v << 8 | std::uint8_t(bytes[at + k]);
  return v;
}

}  // namespace

IdxArray parse_idx(std::string_view bytes, std::size_t* used) {
  if (bytes.size() < 4) bad("truncated: " + std::to_string(bytes.size()) + " bytes, not even a header");
  const std::uint32_t magic = big_endian(bytes, 0);
  const std::uint32_t rank = magic & 0xffu;
  if ((magic >> 8) != 0x08u || rank == 0 || rank > 4) bad("not an idx file of unsigned bytes (wrong magic number)");
  const std::size_t header = 4 + 4 * std::size_t(rank);
  if (bytes.size() < header) bad("truncated inside the header");
  IdxArray out;
  // The product is capped just past what the bytes could hold, so four large dimensions cannot overflow it.
  const std::uint64_t available = bytes.size() - header;
  std::uint64_t count = 1;
  for (std::uint32_t d = 0; d < rank; ++d) {
    out.dims.push_back(big_endian(bytes, 4 + 4 * std::size_t(d)));
    count = std::min<std::uint64_t>(count * out.dims.back(), available + 1);
  }
  if (count > available)
    bad("truncated: the header announces more data than the " + std::to_string(available) + " bytes after it");
  out.data.assign(bytes.begin() + std::ptrdiff_t(header), bytes.begin() + std::ptrdiff_t(header + count));
  if (used) *used = header + std::size_t(count);
  return out;
}

}  // namespace nnplay
