#pragma once

#include <QLabel>

// A label that asks for one line, but wraps when its layout gives it less (FlowLayout shrinks
// an item wider than a row and asks its height for the width it got). A word-wrapping QLabel
// alone asks for a narrower width than its text and breaks early even where a line would fit.
class SentenceLabel : public QLabel
{
public:
    explicit SentenceLabel(QWidget *parent = nullptr) : QLabel(parent) { setWordWrap(true); }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
};
