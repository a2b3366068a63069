#include "platform/WindowPlacement.h"

#include <QGuiApplication>
#include <QLayout>
#include <QScreen>
#include <QWidget>

namespace WindowPlacement {

namespace {

QScreen *screenOf(const QWidget *w)
{
    if (QScreen *s = QGuiApplication::screenAt(w->geometry().center()))
        return s;
    return w->screen() ? w->screen() : QGuiApplication::primaryScreen();
}

// What the window manager adds around a window (title bar, borders); a guess until shown.
QMargins frameOf(const QWidget *w)
{
    const QRect frame = w->frameGeometry(), inner = w->geometry();
    if (w->isVisible() && frame != inner)
        return {inner.left() - frame.left(), inner.top() - frame.top(),
                frame.right() - inner.right(), frame.bottom() - inner.bottom()};
    return {4, 30, 4, 4};
}

} // namespace

QSize fitted(const QWidget *w, QSize wanted)
{
    QScreen *screen = screenOf(w);
    if (!screen)
        return wanted;
    const QMargins f = frameOf(w);
    const QSize room =
        screen->availableGeometry().size() - QSize(f.left() + f.right(), f.top() + f.bottom());
    return wanted.boundedTo(room).expandedTo(w->minimumSize());
}

void clampToScreen(QWidget *w)
{
    QScreen *screen = screenOf(w);
    if (!screen)
        return;
    const QRect avail = screen->availableGeometry();
    const QMargins f = frameOf(w);
    w->resize(fitted(w, w->size()));
    QRect g = w->geometry().marginsAdded(f); // the frame must be on screen too
    g.moveLeft(qBound(avail.left(), g.left(), qMax(avail.left(), avail.right() - g.width() + 1)));
    g.moveTop(qBound(avail.top(), g.top(), qMax(avail.top(), avail.bottom() - g.height() + 1)));
    w->move(g.topLeft()); // move() places the frame's top left corner
}

void centreOver(QWidget *dialog, const QWidget *parent)
{
    const QRect area =
        parent && parent->isVisible()
            ? parent->frameGeometry()
            : (parent ? screenOf(parent) : QGuiApplication::primaryScreen())->availableGeometry();
    // The size it will have when shown (a wizard grows to its largest page), then centred.
    dialog->ensurePolished();
    if (dialog->layout())
        dialog->layout()->activate();
    dialog->resize(fitted(dialog, dialog->size().expandedTo(dialog->sizeHint())));
    const QMargins f = frameOf(dialog);
    const QSize outer = dialog->size() + QSize(f.left() + f.right(), f.top() + f.bottom());
    dialog->move(area.center() - QPoint(outer.width() / 2, outer.height() / 2));
    clampToScreen(dialog);
}

} // namespace WindowPlacement
