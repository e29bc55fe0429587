#include <gtest/gtest.h>

#include "core/io/tensor_naming.h"

namespace vq::io {
namespace {

TEST(TensorNaming, AcceptedNames) {
  struct Want {
    const char* name;
    int layer;
    Role role;
    bool native;
  };
  for (const Want& w : {Want{"layer_0.q", 0, Role::Q, true}, Want{"layer_12.k", 12, Role::K, true},
                        Want{"layer_3.v", 3, Role::V, true}, Want{"layer_7.k_pre_rope", 7, Role::KPreRope, true},
                        Want{"model.layers.5.self_attn.q", 5, Role::Q, false},
                        Want{"model.layers.5.self_attn.k_proj", 5, Role::K, false},
                        Want{"model.layers.31.self_attn.v_proj", 31, Role::V, false},
                        Want{"layers.2.queries", 2, Role::Q, false}, Want{"layers.2.keys", 2, Role::K, false},
                        Want{"layers.10.values", 10, Role::V, false}}) {
    const auto n = parseKvTensorName(w.name);
    ASSERT_TRUE(n) << w.name;
    EXPECT_EQ(n->layer, w.layer) << w.name;
    EXPECT_EQ(n->role, w.role) << w.name;
    EXPECT_EQ(n->native, w.native) << w.name;
  }
}

TEST(TensorNaming, OtherNamesAreNotKvTensors) {
  for (const char* name : {"layer_0", "layer_.k", "layer_x.k", "layer_0.o", "layer_01.k", "layer_-1.k",
                           "layer_0.k.extra", "layer_1234567.k", "model.layers.0.self_attn.o_proj",
                           "model.layers.0.mlp.k", "layers.0.k", "layers.0.keys_pre_rope", "tokens", "", "LAYER_0.K"}) {
    EXPECT_FALSE(parseKvTensorName(name)) << name;
  }
}

TEST(TensorNaming, OurNames) {
  EXPECT_EQ(kvTensorName(3, Role::KPreRope), "layer_3.k_pre_rope");
  EXPECT_EQ(kvTensorName(0, Role::Q), "layer_0.q");
}

}  // namespace
}  // namespace vq::io
