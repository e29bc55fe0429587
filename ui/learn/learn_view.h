// The Learn view (DESIGN.md §9): one vector of the open dump taken through a method step by step,
// for teaching. Pick the layer, KV head, K or V, the token, the method and its bits; the panels
// show the rotation, the histogram of rotated coordinates against the codebook's design density
// (centroids and boundaries drawn), the reconstruction with its error, the attention of the
// token's query with original vs quantized keys/values, the rate–distortion curve against 4^−b
// and Lloyd–Max, and what each option (norm correction, QJL residual, second RVQ stage, sinks,
// outlier channels) changes. Every control change recomputes on the worker (JobRunner); a newer
// request cancels the one running.
#pragma once

#include <QFuture>
#include <memory>
#include <optional>

#include "ui/learn/learn_job.h"
#include "ui/views/analysis_view.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QStandardItemModel;

namespace vq::ui {

class JobRunner;
class Session;

class LearnView : public AnalysisView {
  Q_OBJECT
 public:
  explicit LearnView(Session* session, QWidget* parent = nullptr);
  ~LearnView() override;

  TableView* tableView() const override { return m_effectsTable; }
  ChartView* chartView() const override { return m_histogram; }
  QString exportName() const override { return QStringLiteral("learn"); }

  JobRunner* runner() const { return m_runner; }
  // The request the controls describe now.
  LearnRequest request() const;
  // The last result shown (nullptr before the first one).
  const LearnResult* result() const { return m_result ? &*m_result : nullptr; }
  // True when no computation is running or queued and the panels show request().
  bool isUpToDate() const;

  void setSelection(int layer, int kvHead, Role role, int token);
  void setMethod(const QString& method, int bits);

  // Controls and panels, for tests and the screenshot tour.
  QSpinBox* layerBox() const { return m_layer; }
  QSpinBox* headBox() const { return m_head; }
  QComboBox* roleBox() const { return m_role; }
  QSlider* tokenSlider() const { return m_token; }
  QComboBox* methodBox() const { return m_method; }
  QComboBox* bitsBox() const { return m_bits; }
  QCheckBox* normCorrectionBox() const { return m_normCorrection; }
  QCheckBox* qjlBox() const { return m_qjl; }
  QCheckBox* secondStageBox() const { return m_secondStage; }
  QCheckBox* sinkBox() const { return m_sinks; }
  QCheckBox* outlierBox() const { return m_outliers; }
  ChartView* rotationChart() const { return m_rotation; }
  ChartView* histogramChart() const { return m_histogram; }
  ChartView* reconstructionChart() const { return m_reconstruction; }
  ChartView* attentionChart() const { return m_attention; }
  ChartView* rateDistortionChart() const { return m_rd; }
  QLabel* statusLabel() const { return m_status; }

 signals:
  void updated();  // the panels show a new result

 private:
  QWidget* panel(const QString& title, QWidget* body, QLabel* metrics, const QString& text, QLabel** textLabel = nullptr);
  void onDumpChanged();
  void onMethodChanged();
  void updateToggles();
  void requestUpdate();
  void startNext();
  void finishRound();
  void showResult(const LearnResult& r);
  void showEmptyState(const QString& text);

  Session* m_session;
  JobRunner* m_runner;
  std::shared_ptr<LayerCache> m_cache;
  QFuture<LearnResult> m_future;
  std::optional<LearnResult> m_result;
  bool m_dirty = false;    // the controls changed since the running/last job started
  bool m_loading = false;  // controls are being set programmatically

  QSpinBox* m_layer;
  QSpinBox* m_head;
  QComboBox* m_role;
  QSlider* m_token;
  QSpinBox* m_tokenBox;
  QComboBox* m_method;
  QComboBox* m_bits;
  QCheckBox* m_normCorrection;
  QCheckBox* m_qjl;
  QCheckBox* m_secondStage;
  QCheckBox* m_sinks;
  QCheckBox* m_outliers;
  ChartView* m_rotation;
  ChartView* m_histogram;
  ChartView* m_reconstruction;
  ChartView* m_attention;
  ChartView* m_rd;
  TableView* m_effectsTable;
  QStandardItemModel* m_effects;
  QLabel* m_vectorMetrics;
  QLabel* m_attentionMetrics;
  QLabel* m_attentionText;
  QLabel* m_status;
};

}  // namespace vq::ui
