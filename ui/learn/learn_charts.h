// The Learn view's five charts, redrawn from one LearnResult: the vector before and after the
// rotation, the histogram of rotated coordinates against the codebook's design density (with
// centroids and decision boundaries), the reconstruction with its error, the attention weights of
// the token's query (original vs quantized), and the rate–distortion curve against 4^−b and
// Lloyd–Max. Series carry object names ("rotated", "density", …) so tests can read them.
#pragma once

#include "ui/learn/learn_job.h"

namespace vq::ui {

class ChartView;

namespace learn_charts {

void showRotation(ChartView* view, const learn::Walkthrough& w);
void showHistogram(ChartView* view, const learn::Walkthrough& w);
void showReconstruction(ChartView* view, const learn::Walkthrough& w);
void showAttention(ChartView* view, const learn::Walkthrough& w, Role role);
void showRateDistortion(ChartView* view, const LearnResult& r);
// An empty chart with a title saying what to do next.
void showEmpty(ChartView* view, const QString& title);

}  // namespace learn_charts
}  // namespace vq::ui
