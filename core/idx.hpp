#pragma once
// The idx format of the MNIST family (LeCun et al.): a big-endian header, then the items as
// unsigned bytes. Fashion-MNIST ships its images (3-D, [count, 28, 28]) and labels (1-D) so, and
// the page's clothing asset is idx too (core/images.hpp). Parses bytes it is given; no I/O.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nnplay {

// One idx array of unsigned bytes: dims (the first is the item count) and the bytes, row-major.
struct IdxArray {
  std::vector<std::uint32_t> dims;
  std::vector<std::uint8_t> data;
};

// Reads one idx array of unsigned bytes (magic 0x00 0x00 0x08 <dims>) from the start of
// `bytes`; `used` (when given) gets how many bytes it took, so arrays can follow one another.
// Throws ConfigError("idx: ...") for a wrong magic, a type other than unsigned byte, no or more
// than 4 dimensions, or fewer bytes than the header announces.
IdxArray parse_idx(std::string_view bytes, std::size_t* used = nullptr);

}  // namespace nnplay
