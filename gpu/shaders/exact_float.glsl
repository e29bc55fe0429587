// fp32 operations that Vulkan does not require to be exact, written with integer arithmetic so
// they give the same bits as the CPU (x86 SSE, round to nearest even, no flush-to-zero):
//   divRn(a, b)      a / b correctly rounded (Vulkan allows 2.5 ULP for OpFDiv)
//   sqrtRn(a)        sqrt(a) correctly rounded (Vulkan: as inversesqrt, 3 ULP and more)
//   halfBitsRne(f)   fp32 -> IEEE binary16 bits, round to nearest even, as vq::floatToFp16
//   halfToFloat(h)   IEEE binary16 bits -> fp32 (exact), as vq::fp16ToFloat
//   fmaRn(a, b, c)   a*b + c rounded once (Vulkan lets fma() round twice; lavapipe does). Exact in
//                    the VQ_F64 variants (double arithmetic, devices with shaderFloat64), else fma().
// NaN results follow x86: a NaN operand comes back quietened; an invalid operation (0/0, inf/inf,
// sqrt of a negative number) gives the default NaN 0xFFC00000.
// Subnormal inputs and outputs are handled bit-exactly here; a device that flushes subnormals
// may still do so in the ordinary float operations around these calls.
#ifndef VQ_EXACT_FLOAT_GLSL
#define VQ_EXACT_FLOAT_GLSL

const uint kDefaultNaN = 0xFFC00000u;

bool isNanBits(uint u) { return (u & 0x7FFFFFFFu) > 0x7F800000u; }

// Mantissa with the implicit bit, in [2^23, 2^24), and the unbiased exponent e such that
// |x| = m * 2^(e - 23). x must be finite and non-zero.
void normalizeBits(uint u, out uint m, out int e) {
  const uint biased = (u >> 23) & 0xFFu;
  m = u & 0x7FFFFFu;
  if (biased == 0u) {  // subnormal: shift the leading one up to bit 23
    const int msb = findMSB(m);
    m <<= uint(23 - msb);
    e = -126 - (23 - msb);
  } else {
    m |= 0x800000u;
    e = int(biased) - 127;
  }
}

// Packs sign | value where value = q * 2^(e - 24) (q in [2^24, 2^25): 24 mantissa bits and one
// guard bit), sticky = any lower bit set; rounds to nearest even, with subnormal and overflow
// results.
float packRounded(uint sign, uint q, int e, bool sticky) {
  int biased = e + 127;
  if (biased >= 1) {
    uint mant = q >> 1;
    const bool guard = (q & 1u) != 0u;
    if (guard && (sticky || (mant & 1u) != 0u)) mant += 1u;
    if (mant == 0x1000000u) {
      mant >>= 1;
      biased += 1;
    }
    if (biased >= 255) return uintBitsToFloat(sign | 0x7F800000u);
    return uintBitsToFloat(sign | (uint(biased) << 23) | (mant & 0x7FFFFFu));
  }
  // Subnormal: the result in units of 2^-149 is q * 2^(biased - 2) (biased <= 0).
  const int shift = 2 - biased;  // >= 2
  if (shift >= 32) return uintBitsToFloat(sign);
  uint mant = q >> uint(shift);
  const uint rem = q & ((1u << uint(shift)) - 1u);
  const uint halfUlp = 1u << uint(shift - 1);
  if (rem > halfUlp || (rem == halfUlp && (sticky || (mant & 1u) != 0u))) mant += 1u;
  return uintBitsToFloat(sign | mant);  // mant may reach 2^23: the smallest normal, encoded right
}

float divRn(float a, float b) {
  const uint ua = floatBitsToUint(a), ub = floatBitsToUint(b);
  if (isNanBits(ua)) return uintBitsToFloat(ua | 0x400000u);
  if (isNanBits(ub)) return uintBitsToFloat(ub | 0x400000u);
  const uint sign = (ua ^ ub) & 0x80000000u;
  const uint absA = ua & 0x7FFFFFFFu, absB = ub & 0x7FFFFFFFu;
  const bool aInf = absA == 0x7F800000u, bInf = absB == 0x7F800000u;
  if ((aInf && bInf) || (absA == 0u && absB == 0u)) return uintBitsToFloat(kDefaultNaN);
  if (aInf || absB == 0u) return uintBitsToFloat(sign | 0x7F800000u);
  if (absA == 0u || bInf) return uintBitsToFloat(sign);
  uint ma, mb;
  int ea, eb;
  normalizeBits(ua, ma, ea);
  normalizeBits(ub, mb, eb);
  int e = ea - eb;
  if (ma < mb) {  // make the quotient of the mantissas land in [1, 2)
    ma <<= 1;
    e -= 1;
  }
  // Long division, one quotient bit per step: q = floor(ma * 2^24 / mb) in [2^24, 2^25).
  uint r = ma, q = 0u;
  for (int i = 0; i < 25; ++i) {
    q <<= 1;
    if (r >= mb) {
      r -= mb;
      q |= 1u;
    }
    r <<= 1;
  }
  return packRounded(sign, q, e, r != 0u);
}

float sqrtRn(float a) {
  const uint u = floatBitsToUint(a);
  if (isNanBits(u)) return uintBitsToFloat(u | 0x400000u);
  if ((u & 0x7FFFFFFFu) == 0u) return a;  // +-0
  if ((u & 0x80000000u) != 0u) return uintBitsToFloat(kDefaultNaN);
  if (u == 0x7F800000u) return a;
  uint m;
  int e;
  normalizeBits(u, m, e);
  // a = m * 2^k with k = e - 23; make k even and m in [2^24, 2^26).
  int k = e - 23;
  if ((k & 1) != 0) {
    m <<= 1;
    k -= 1;
  } else {
    m <<= 2;
    k -= 2;
  }
  // Bit-pair square root of m * 4^12: root = floor(sqrt(m) * 2^12) in [2^24, 2^25).
  uint root = 0u, rem = 0u;
  for (int i = 12; i >= 0; --i) {
    rem = (rem << 2) | ((m >> uint(2 * i)) & 3u);
    const uint trial = (root << 2) | 1u;
    root <<= 1;
    if (rem >= trial) {
      rem -= trial;
      root |= 1u;
    }
  }
  for (int i = 0; i < 12; ++i) {
    rem <<= 2;
    const uint trial = (root << 2) | 1u;
    root <<= 1;
    if (rem >= trial) {
      rem -= trial;
      root |= 1u;
    }
  }
  // sqrt(a) = root * 2^(k/2 - 12) = (root as q) * 2^(e' - 24) with e' = k/2 + 12.
  return packRounded(0u, root, k / 2 + 12, rem != 0u);
}

uint halfBitsRne(float f) {
  const uint x = floatBitsToUint(f);
  const uint sign = (x >> 16) & 0x8000u;
  const uint absx = x & 0x7FFFFFFFu;
  if (absx >= 0x7F800000u)
    return sign | 0x7C00u | (absx > 0x7F800000u ? (0x200u | ((absx >> 13) & 0x3FFu)) : 0u);
  if (absx >= 0x477FF000u) return sign | 0x7C00u;  // rounds to >= 65520: infinity
  if (absx < 0x38800000u) {
    // Below the smallest normal half: the value in units of 2^-24, rounded to nearest even.
    const uint biased = absx >> 23;
    const uint m = (absx & 0x7FFFFFu) | (biased != 0u ? 0x800000u : 0u);
    const int shift = 126 - int(max(biased, 1u));  // >= 14
    if (shift >= 32) return sign;
    uint r = m >> uint(shift);
    const uint rem = m & ((1u << uint(shift)) - 1u);
    const uint halfUlp = 1u << uint(shift - 1);
    if (rem > halfUlp || (rem == halfUlp && (r & 1u) != 0u)) r += 1u;
    return sign | r;
  }
  uint m = absx + 0xC8000000u;  // rebias the exponent (wraps modulo 2^32 like the C++)
  m += 0x0FFFu + ((m >> 13) & 1u);
  return sign | (m >> 13);
}

float halfToFloat(uint h) {
  const uint sign = (h & 0x8000u) << 16;
  const uint e = (h >> 10) & 0x1Fu;
  const uint man = h & 0x3FFu;
  if (e == 0u) {
    if (man == 0u) return uintBitsToFloat(sign);
    const int msb = findMSB(man);  // subnormal half: man * 2^-24, a normal float
    return uintBitsToFloat(sign | (uint(msb + 103) << 23) | ((man << uint(23 - msb)) & 0x7FFFFFu));
  }
  if (e == 0x1Fu) return uintBitsToFloat(sign | 0x7F800000u | (man << 13));
  return uintBitsToFloat(sign | ((e + 112u) << 23) | (man << 13));
}

#ifdef VQ_F64
// a*b is exact in double; s = a*b + c rounded to double, err its exact error (TwoSum). The float
// is rounded from s's bits, with err deciding the side when s sits exactly on a rounding point.
float fmaRn(float a, float b, float c) {
  if (isnan(a) || isnan(b) || isnan(c) || isinf(a) || isinf(b)) return a * b + c;  // inf/NaN product: exact
  if (isinf(c)) return c;  // a finite product cannot cancel an infinity
  precise double p = double(a) * double(b);
  const double dc = double(c);
  precise double s = p + dc;
  if (s == 0.0) return float(s);  // exact zero (TwoSum error is 0 too); keeps IEEE's zero sign
  precise double bv = s - p;
  precise double err = (p - (s - bv)) + (dc - bv);
  const uvec2 w = unpackDouble2x32(s);  // x: low word, y: high word
  const uint hi = w.y, lo = w.x;
  int e = int((hi >> 20) & 0x7FFu) - 1023;  // s is a normal double (|s| >= 2^-298)
  uint q = 0x1000000u | ((hi & 0xFFFFFu) << 4) | (lo >> 28);  // 24 bits + guard
  bool sticky = (lo & 0x0FFFFFFFu) != 0u;
  if (!sticky && err != 0.0) {
    sticky = true;
    if ((err > 0.0) != (s > 0.0)) {  // the exact magnitude is just below s
      q -= 1u;
      if (q < 0x1000000u) {
        q = (q << 1) | 1u;
        e -= 1;
      }
    }
  }
  return packRounded(hi & 0x80000000u, q, e, sticky);
}
#else
float fmaRn(float a, float b, float c) { return fma(a, b, c); }
#endif

#endif
