#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

// The few colours the app adds to the desktop's palette, each derived from that palette so
// they work in light and dark schemes alike, and each kept at a text contrast of at least
// 4.5:1 (WCAG 2.x AA) against what it is drawn on.
namespace Theme {

enum class Role
{
    Normal,    // the palette's own text: nothing of ours
    Secondary, // kind, door, "updated…": quieter than the name, still readable
    Danger,    // a failed action, a critical battery
    Banner,    // a bridge's problem: a tinted box with readable text
    Badge,     // "DEMO", "Ringing": white or black text on an accent colour
};

double luminance(const QColor &c);                 // WCAG relative luminance, 0..1
double contrast(const QColor &a, const QColor &b); // 1..21
bool isDark(const QPalette &palette);
// `fg` moved towards black or white (whichever the background allows) until it reaches `ratio`.
QColor withContrast(const QColor &fg, const QColor &bg, double ratio = 4.5);
QColor mix(const QColor &a, const QColor &b, double t); // t = 0: a, t = 1: b

QColor secondaryText(const QPalette &p);
QColor dangerText(const QPalette &p);
QColor bannerBackground(const QPalette &p);
QColor bannerText(const QPalette &p);
QColor badgeBackground(const QPalette &p);
QColor badgeText(const QPalette &p);

// Gives `w` the colours of `role`, taken from its parent's palette (or the application's).
// Call again on QEvent::PaletteChange of the parent: DeviceCard and friends do.
void apply(QWidget *w, Role role);
// Applies the roles of every child of `top` again, once the palette change that started it
// has reached all of them (queued). For changeEvent(QEvent::PaletteChange) of a container.
void reapplyLater(QWidget *top);

} // namespace Theme
