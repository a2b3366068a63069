#pragma once

#include <QLabel>

// A one-line label that ends in "…" when it is narrower than its text, so a long device name
// never widens its card past the window. The full text stays in text(), the tooltip and the
// accessible name.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    void setFullText(const QString &text);
    bool isElided() const;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};
