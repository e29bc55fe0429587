// What the user can do about an error, one translated sentence per error code (appended by
// errorText): every message says what went wrong and what to do next.
#pragma once

#include <QString>

#include "core/common/error.h"

namespace vq::ui {

// Empty for codes where there is nothing to advise (e.g. Cancelled).
QString errorHint(vq::ErrorCode code);

}  // namespace vq::ui
