#include "widgets/SentenceLabel.h"

QSize SentenceLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    const QSize line = fontMetrics().size(Qt::TextSingleLine, text());
    return QSize(line.width() + m.left() + m.right() + 2 * margin() + 1,
                 line.height() + m.top() + m.bottom() + 2 * margin());
}

QSize SentenceLabel::minimumSizeHint() const
{
    // About a word (or the whole text, when shorter): the rest wraps.
    const QSize hint = sizeHint();
    return QSize(qMin(hint.width(), fontMetrics().averageCharWidth() * 12), hint.height());
}
