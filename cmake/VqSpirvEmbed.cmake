# cmake -DSPV=<module.spv> -DINC=<module.spv.inc> -P VqSpirvEmbed.cmake
# Writes the SPIR-V words of SPV as a C initializer list ("0x07230203u, ..."), 8 words a line.
# SPIR-V files are little-endian streams of 32-bit words (glslc writes host order; we only build
# on little-endian hosts, as ggml_blocks.h also requires).
file(READ ${SPV} hex HEX)
string(LENGTH "${hex}" len)
math(EXPR rem "${len} % 8")
if(len EQUAL 0 OR NOT rem EQUAL 0)
  message(FATAL_ERROR "${SPV}: not a SPIR-V module (${len} hex digits)")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f])([0-9a-f][0-9a-f])([0-9a-f][0-9a-f])([0-9a-f][0-9a-f])"
       "0x\\4\\3\\2\\1u," words "${hex}")
string(REGEX REPLACE "((0x[0-9a-f]+u,){8})" "\\1\n" words "${words}")
file(WRITE ${INC}.tmp "${words}\n")
file(RENAME ${INC}.tmp ${INC})
