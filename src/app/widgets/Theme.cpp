#include "widgets/Theme.h"

#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <cmath>

namespace Theme {

namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

QPalette basePalette(const QWidget *w)
{
    return w->parentWidget() ? w->parentWidget()->palette() : QApplication::palette(w);
}

// The hues the app adds: red for danger, purple for "this is special" (demo, ringing).
const QColor DangerHue(0xd6, 0x3b, 0x3b);
const QColor AccentHue(0x8e, 0x4e, 0xc6);

} // namespace

double luminance(const QColor &c)
{
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb)
        std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

bool isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    const QColor x = a.toRgb(), y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
                            float(x.greenF() + (y.greenF() - x.greenF()) * t),
                            float(x.blueF() + (y.blueF() - x.blueF()) * t));
}

QColor withContrast(const QColor &fg, const QColor &bg, double ratio)
{
    // Towards whichever end has more room; a little more than asked, so rounding in the
    // painted pixels never drops below it.
    const QColor end = luminance(bg) > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
    QColor c = fg.toRgb();
    c.setAlpha(255);
    for (int step = 0; step <= 20 && contrast(c, bg) < ratio + 0.1; ++step)
        c = mix(fg, end, step / 20.0);
    return c;
}

QColor secondaryText(const QPalette &p)
{
    const QColor bg = p.color(QPalette::Window);
    return withContrast(mix(p.color(QPalette::WindowText), bg, 0.35), bg);
}

QColor dangerText(const QPalette &p)
{
    const QColor bg = p.color(QPalette::Window);
    const QColor hue = isDark(p) ? mix(DangerHue, Qt::white, 0.35) : DangerHue;
    return withContrast(hue, bg);
}

QColor bannerBackground(const QPalette &p)
{
    return mix(p.color(QPalette::Window), DangerHue, isDark(p) ? 0.30 : 0.12);
}

QColor bannerText(const QPalette &p)
{
    return withContrast(p.color(QPalette::WindowText), bannerBackground(p), 7.0);
}

QColor badgeBackground(const QPalette &p)
{
    return isDark(p) ? mix(AccentHue, Qt::white, 0.1) : AccentHue;
}

QColor badgeText(const QPalette &p)
{
    const QColor bg = badgeBackground(p);
    return contrast(Qt::white, bg) >= contrast(Qt::black, bg) ? QColor(Qt::white)
                                                              : QColor(Qt::black);
}

void apply(QWidget *w, Role role)
{
    const QPalette base = basePalette(w);
    QPalette p = w->palette();
    // Back to the inherited colours first, so a role can be taken away again.
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(g, QPalette::WindowText, base.color(g, QPalette::WindowText));
        p.setColor(g, QPalette::Window, base.color(g, QPalette::Window));
    }
    QColor fg, bg;
    switch (role) {
    case Role::Normal:
        break;
    case Role::Secondary:
        fg = secondaryText(base);
        break;
    case Role::Danger:
        fg = dangerText(base);
        break;
    case Role::Banner:
        fg = bannerText(base);
        bg = bannerBackground(base);
        break;
    case Role::Badge:
        fg = badgeText(base);
        bg = badgeBackground(base);
        break;
    }
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        if (fg.isValid())
            p.setColor(g, QPalette::WindowText, fg);
        if (bg.isValid())
            p.setColor(g, QPalette::Window, bg);
    }
    w->setPalette(p);
    w->setAutoFillBackground(bg.isValid());
    w->setProperty("themeRole", int(role));
}

void reapplyLater(QWidget *top)
{
    if (top->property("themePending").toBool())
        return;
    top->setProperty("themePending", true);
    QTimer::singleShot(0, top, [top] {
        top->setProperty("themePending", false);
        for (QWidget *w : top->findChildren<QWidget *>())
            if (w->property("themeRole").isValid())
                apply(w, Role(w->property("themeRole").toInt()));
    });
}

} // namespace Theme
