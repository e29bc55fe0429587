#include "ui/preferences/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <thread>

#include "core/common/thread_pool.h"
#include "ui/settings/settings.h"
#include "ui/theme/theme.h"

namespace vq::ui {

namespace {

void selectData(QComboBox* combo, const QVariant& value) {
  const int i = combo->findData(value);
  combo->setCurrentIndex(i >= 0 ? i : 0);
}

Theme themeOf(const QString& key) {
  return key == QLatin1String("dark") ? Theme::Dark : key == QLatin1String("light") ? Theme::Light : Theme::System;
}

QLabel* note(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  label->setEnabled(false);  // the palette's muted text colour
  return label;
}

}  // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent) : PreferencesDialog(gpu::listDevices(), parent) {}

PreferencesDialog::PreferencesDialog(const gpu::DeviceList& devices, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("PreferencesDialog"));
  setWindowTitle(tr("Preferences"));
  build(devices);
  load();
}

void PreferencesDialog::build(const gpu::DeviceList& devices) {
  auto* appearance = new QGroupBox(tr("Appearance"), this);
  auto* appearanceForm = new QFormLayout(appearance);
  m_theme = new QComboBox(appearance);
  m_theme->addItem(tr("Follow system"), QStringLiteral("system"));
  m_theme->addItem(tr("Light"), QStringLiteral("light"));
  m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
  appearanceForm->addRow(tr("&Theme:"), m_theme);
  m_language = new QComboBox(appearance);
  m_language->addItem(tr("Follow system"), QString());
  // Each language is named in itself, so that a user can find theirs in any interface language.
  m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
  m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
  m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
  appearanceForm->addRow(tr("&Language:"), m_language);
  appearanceForm->addRow(QString(), note(tr("The language applies after a restart."), appearance));

  auto* compute = new QGroupBox(tr("Compute"), this);
  auto* computeForm = new QFormLayout(compute);
  m_backend = new QComboBox(compute);
  m_backend->addItem(tr("Automatic (Vulkan when a GPU qualifies, else CPU)"), QStringLiteral("auto"));
  m_backend->addItem(tr("CPU"), QStringLiteral("cpu"));
  m_backend->addItem(tr("Vulkan"), QStringLiteral("vulkan"));
  computeForm->addRow(tr("&Backend:"), m_backend);
  m_device = new QComboBox(compute);
  m_device->addItem(tr("Automatic"), -1);
  for (const auto& d : devices.devices)
    m_device->addItem(tr("%1: %2 (%3)").arg(d.index).arg(QString::fromStdString(d.name),
                                                       QString::fromLatin1(gpu::deviceTypeName(d.type))),
                      d.index);
  computeForm->addRow(tr("&Device:"), m_device);
  m_deviceNote = note(devices.devices.empty()
                          ? tr("No Vulkan device found: %1")
                                .arg(devices.unavailableReason.empty() ? tr("none reported")
                                                                       : QString::fromStdString(devices.unavailableReason))
                          : tr("Automatic picks the first discrete, else integrated GPU."),
                      compute);
  computeForm->addRow(QString(), m_deviceNote);
  m_threads = new QSpinBox(compute);
  m_threads->setRange(0, std::max(256, int(std::thread::hardware_concurrency())));
  m_threads->setSpecialValueText(tr("Automatic (%1)").arg(ThreadPool::defaultThreadCount()));
  m_threads->setToolTip(tr("CPU threads for calibration, allocation and evaluation jobs"));
  computeForm->addRow(tr("&Worker threads:"), m_threads);
  computeForm->addRow(QString(), note(tr("Backend and device apply to the next job."), compute));
  connect(m_backend, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateDeviceEnabled);

  auto* buttons = new QDialogButtonBox(
      QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    apply();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
          &PreferencesDialog::restoreDefaults);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(appearance);
  layout->addWidget(compute);
  layout->addStretch();
  layout->addWidget(buttons);
  setMinimumWidth(460);
}

void PreferencesDialog::load() {
  selectData(m_theme, settings::theme());
  selectData(m_language, settings::language());
  selectData(m_backend, settings::computeBackend());
  const int device = settings::computeDevice();
  if (device >= 0 && m_device->findData(device) < 0)  // keep a saved choice whose device is absent now
    m_device->addItem(tr("%1: not found on this machine").arg(device), device);
  selectData(m_device, device);
  m_threads->setValue(settings::workerThreads());
  updateDeviceEnabled();
}

void PreferencesDialog::restoreDefaults() {
  selectData(m_theme, QStringLiteral("system"));
  selectData(m_language, QString());
  selectData(m_backend, QStringLiteral("auto"));
  selectData(m_device, -1);
  m_threads->setValue(0);
}

void PreferencesDialog::updateDeviceEnabled() {
  m_device->setEnabled(m_backend->currentData().toString() != QLatin1String("cpu"));
}

void PreferencesDialog::apply() {
  const QString theme = m_theme->currentData().toString();
  if (theme != settings::theme() || themeOf(theme) != ThemeManager::instance().theme()) {
    settings::setTheme(theme);
    ThemeManager::instance().setTheme(themeOf(theme));
  }
  settings::setLanguage(m_language->currentData().toString());
  settings::setComputeBackend(m_backend->currentData().toString());
  settings::setComputeDevice(m_device->currentData().toInt());
  if (m_threads->value() != settings::workerThreads()) {
    settings::setWorkerThreads(m_threads->value());
    applyWorkerThreads();
  }
}

void PreferencesDialog::applyWorkerThreads() {
  const int threads = settings::workerThreads();
  const int want = threads > 0 ? threads : ThreadPool::defaultThreadCount();
  if (defaultThreadPool().size() != want) setDefaultThreadCount(want);
}

}  // namespace vq::ui
