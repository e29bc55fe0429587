// Turns core's machine-readable errors into translated, user-facing text.
#pragma once

#include <QString>

#include "core/common/error.h"

namespace vq::ui {

// "“x.npz” is truncated: ..." — a translated sentence naming the file (and tensor) and the problem;
// technical detail from core (dtype names, offsets) is appended untranslated.
QString errorText(const vq::Error& e);

}  // namespace vq::ui
