// Where the bundled real sample dumps are: <prefix>/share/veloxquant-studio/samples when
// installed, else the source tree's resources/samples (running from a build folder).
#pragma once

#include <QString>

namespace vq::ui {

QString samplesFolder();        // empty if none is found
QString defaultSamplePath();    // the sample the app opens on first start (empty if missing)

}  // namespace vq::ui
