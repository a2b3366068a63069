#include "protocol/PlainText.h"

namespace nuki {

QString plainText(const QString &text, qsizetype maxChars)
{
    QString t = text.left(maxChars);
    for (QChar &c : t) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029 ||
            (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e ||
            u == 0x200f || u == 0x061c || u == 0xfeff || u == 0x200b)
            c = QChar(u' ');
    }
    // A surrogate pair cut in half by left() is no character.
    if (!t.isEmpty() && t.back().isHighSurrogate())
        t.chop(1);
    return t;
}

} // namespace nuki
