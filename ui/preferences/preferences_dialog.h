// Edit ▸ Preferences (Ctrl+,): appearance (theme, language) and compute (backend, Vulkan device,
// worker threads). OK writes the settings (ui/settings) and applies what can change at once: the
// theme and the worker threads; the language applies after a restart, the backend and device to
// the next job.
#pragma once

#include <QDialog>

#include "gpu/device_info.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace vq::ui {

class PreferencesDialog : public QDialog {
  Q_OBJECT
 public:
  // `devices`: the Vulkan devices to offer (gpu::listDevices() by default; tests pass their own).
  explicit PreferencesDialog(QWidget* parent = nullptr);
  PreferencesDialog(const gpu::DeviceList& devices, QWidget* parent = nullptr);

  QComboBox* themeCombo() const { return m_theme; }
  QComboBox* languageCombo() const { return m_language; }
  QComboBox* backendCombo() const { return m_backend; }
  QComboBox* deviceCombo() const { return m_device; }
  QSpinBox* threadsSpin() const { return m_threads; }

  // Writes the dialog's choices to the settings and applies the theme and thread count.
  void apply();
  // Puts every control back to its default (not saved until OK).
  void restoreDefaults();

  // Applies the persisted worker-thread setting to the process-wide pool (startup).
  static void applyWorkerThreads();

 private:
  void build(const gpu::DeviceList& devices);
  void load();
  void updateDeviceEnabled();

  QComboBox* m_theme = nullptr;
  QComboBox* m_language = nullptr;
  QComboBox* m_backend = nullptr;
  QComboBox* m_device = nullptr;
  QLabel* m_deviceNote = nullptr;
  QSpinBox* m_threads = nullptr;
};

}  // namespace vq::ui
