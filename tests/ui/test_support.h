// Helpers shared by the Qt Test suites: the bundled sample, synthetic dumps, a GUI-thread stall
// meter and a "painted real content" check.
#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QColor>
#include <QObject>
#include <QSettings>
#include <QStandardPaths>
#include <QSet>
#include <QTimer>
#include <memory>

#include "core/io/dump.h"
#include "core/synth/synth.h"
#include "ui/session/autosave.h"

namespace vq::test {

// Test-mode settings persist between runs: every suite starts from the defaults (initTestCase).
inline void startFromDefaults() {
  QStandardPaths::setTestModeEnabled(true);
  QSettings().clear();
}

// An edited window destroyed without a close leaves an autosave (as after a crash) that the next
// main window offers to restore in a modal box: each test function starts without one (init).
inline void discardRecovery() { ui::Autosave::discardRecovery(); }

inline QString samplePath() { return QStringLiteral(VQ_SAMPLES_DIR "/s01_story_kite.npz"); }

inline std::shared_ptr<const Dump> openSample() {
  return std::make_shared<const Dump>(Dump::open(samplePath().toStdString()));
}

// A synthetic LLM-shaped dump (labelled synthetic) of the given size, written to `path`.
inline std::shared_ptr<const Dump> writeSynth(const QString& path, int layers, int kvHeads, int headDim, int64_t tokens) {
  SynthConfig cfg;
  cfg.layers = layers;
  cfg.kvHeads = kvHeads;
  cfg.qHeads = kvHeads * 2;
  cfg.headDim = headDim;
  cfg.tokens = tokens;
  cfg.seed = 7;
  writeSynthDump(cfg, path.toStdString());
  return std::make_shared<const Dump>(Dump::open(path.toStdString()));
}

// Measures the largest gap between ticks of a 10 ms timer on the GUI thread: a stalled event
// loop shows as a long gap.
class StallMeter : public QObject {
 public:
  explicit StallMeter(QObject* parent = nullptr) : QObject(parent) {
    m_timer.setInterval(10);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
      const qint64 now = m_clock.nsecsElapsed();
      m_maxGapNs = std::max(m_maxGapNs, now - m_last);
      m_last = now;
      ++m_ticks;
    });
  }
  void start() {
    m_clock.start();
    m_last = 0;
    m_maxGapNs = 0;
    m_ticks = 0;
    m_timer.start();
  }
  void stop() { m_timer.stop(); }
  double maxGapMs() const { return double(m_maxGapNs) / 1e6; }
  int ticks() const { return m_ticks; }

 private:
  QTimer m_timer;
  QElapsedTimer m_clock;
  qint64 m_last = 0, m_maxGapNs = 0;
  int m_ticks = 0;
};

// Distinct colours on a grid of samples: a painted view has many (text, bars, axes), a blank one few.
inline int distinctColours(const QImage& img, int step = 3) {
  QSet<QRgb> colours;
  for (int y = 0; y < img.height(); y += step)
    for (int x = 0; x < img.width(); x += step) colours.insert(img.pixel(x, y));
  return int(colours.size());
}

// Pixels within a small distance of `colour` (antialiasing aside, a drawn series is many of them).
inline int pixelsOfColour(const QImage& img, const QColor& colour, int tolerance = 6) {
  int n = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      const QColor c = img.pixelColor(x, y);
      if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance &&
          std::abs(c.blue() - colour.blue()) <= tolerance)
        ++n;
    }
  return n;
}

}  // namespace vq::test
