#pragma once

#include <QLocale>

namespace nuki {
// Loads our translation and Qt's own for `locale` (the system's by default) into the
// application. English needs nothing. Returns whether ours was found.
bool installTranslations(const QLocale &locale = QLocale::system());
} // namespace nuki
