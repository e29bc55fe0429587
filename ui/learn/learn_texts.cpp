#include "ui/learn/learn_texts.h"

#include <QCoreApplication>

namespace vq::ui::learn_texts {

namespace {
// Text::tr looks texts up under this context, and lupdate files them under it too (it cannot
// see the context of a plain helper function calling QCoreApplication::translate).
struct Text {
  Q_DECLARE_TR_FUNCTIONS(vq::ui::LearnView)
};
}  // namespace

QString rotation() {
  return Text::tr("<b>Step 1 – rotate.</b> The norm ‖x‖ is stored apart (fp16) and the unit vector x/‖x‖ is "
                  "multiplied by a random rotation Π. A rotation keeps lengths and inner products, but it spreads "
                  "the energy of a few large channels over all coordinates: after it every coordinate looks alike, "
                  "so one fixed codebook fits all of them. Methods without a rotation quantize x as it is.");
}

QString histogram() {
  return Text::tr("<b>Step 2 – one codebook for every coordinate.</b> Bars: all rotated coordinates of this head "
                  "(every token). Curve: the density the codebook was designed for, one coordinate of a random unit "
                  "vector in d dimensions (the exact Beta law, ≈ N(0, 1/d) for large d). Solid marks: the 2^b "
                  "centroids; dashed: the decision boundaries. Each coordinate is replaced by the centroid of its "
                  "cell. The thin outline is the same data without rotation: less regular, so a fixed codebook "
                  "would fit it worse.");
}

QString reconstruction() {
  return Text::tr("<b>Step 3 – decode.</b> The centroids are rotated back and multiplied by the stored norm. "
                  "The chart shows the original coordinates, the decoded ones and their difference. A cosine "
                  "similarity near 1 means the direction survived; the relative error is ‖x−x̂‖²/‖x‖². Bytes count "
                  "everything stored for one vector (indices, norms, protection), against 2·d bytes in fp16.");
}

QString attention(bool keys) {
  return keys ? Text::tr("<b>Why keys are fragile.</b> This token's query scores every earlier key, ℓ_j = ⟨q,k_j⟩/√d, "
                         "and the weights are p = softmax(ℓ). An error Δ in one score multiplies that key's weight by "
                         "e^Δ: key errors are exponentiated. Every bit less roughly doubles the score error, so at 2 "
                         "bits the weights (orange) drift far from the original ones (blue) and attention reads the "
                         "wrong tokens; at 4 bits they almost coincide. Compare the output error with V selected.")
              : Text::tr("<b>Why values are tolerant.</b> Quantized values leave the scores and weights unchanged (the "
                         "two curves coincide); the output o = Σ p_j v_j only moves linearly with the value errors, "
                         "and averaging over many tokens shrinks them further. That is why values can take fewer "
                         "bits than keys for the same output error. Compare with K selected.");
}

QString rateDistortion() {
  return Text::tr("<b>Rate and distortion.</b> Each point is this method on this head, measured: relative MSE against "
                  "the stored bits per value (norms included). Dotted: the Shannon limit 4^−b of a Gaussian source, "
                  "which no quantizer beats. Dashed: the Lloyd–Max scalar quantizer, the best one coordinate at a "
                  "time. One more bit divides the error by about 4. The ringed point is the current setting.");
}

QString effects() {
  return Text::tr("<b>What each option changes.</b> Each option is measured off and on with everything else as "
                  "selected. Norm correction stores ‖x‖/‖x̂‖ so decoded vectors keep their length; the QJL residual "
                  "(turboquant_prod) adds 1 bit of signs that makes inner products unbiased; the second RVQ stage "
                  "quantizes the residual again; sink tokens keep the first tokens in fp16; outlier channels keep "
                  "the largest channels apart as int8. Bytes show what each costs.");
}

QString noQueries() {
  return Text::tr("This dump has no queries for this layer, so attention cannot be shown. Open a dump that "
                  "includes q tensors (e.g. the bundled sample) to see the effect on attention.");
}

}  // namespace vq::ui::learn_texts
