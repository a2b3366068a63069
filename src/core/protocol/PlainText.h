#pragma once

#include <QString>

namespace nuki {

// A text from outside (a device's name from a bridge or a broker, a keypad code's name, a
// bridge's or broker's name) as it may be shown in a line of text: control characters (a
// newline would forge a whole line), line and paragraph separators, and the marks that
// reverse or isolate the direction of what follows (U+202A-202E, U+2066-2069, U+200E/F,
// U+061C), and invisible ones that hide in a name (U+FEFF, U+200B) become a space (the joiner
// U+200D and tag characters stay: emoji are made of them), and it is cut to `maxChars`. The one
// rule for every front end: nukictl's text, the window, the tray, notifications, the history. JSON
// keeps the exact text.
QString plainText(const QString &text, qsizetype maxChars = 300);

} // namespace nuki
