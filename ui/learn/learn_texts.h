// The Learn view's explanations, one per panel, written for a student who meets KV-cache
// quantization for the first time. Translatable (QCoreApplication::translate, context LearnView).
#pragma once

#include <QString>

namespace vq::ui::learn_texts {

QString rotation();
QString histogram();
QString reconstruction();
QString attention(bool keys);
QString rateDistortion();
QString effects();
QString noQueries();

}  // namespace vq::ui::learn_texts
