#pragma once

#include <QSize>

class QWidget;

// Where windows go: never off-screen, never taller than the screen (at any scale), dialogs
// centred over the window they belong to.
namespace WindowPlacement {

// `wanted`, shrunk to fit the available area of the screen `w` is on (or the primary one).
QSize fitted(const QWidget *w, QSize wanted);
// Moves and, if needed, shrinks `w` so that all of it lies on one screen's available area.
void clampToScreen(QWidget *w);
// Centres `dialog` over `parent` (over the screen when `parent` is null or hidden), then
// clamps it. Call after the dialog has its size, before showing it.
void centreOver(QWidget *dialog, const QWidget *parent);

} // namespace WindowPlacement
