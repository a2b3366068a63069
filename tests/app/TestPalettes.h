#pragma once

// The palettes the window is looked at in: Fusion's own (light), and one close to Breeze Dark.
#include <QColor>
#include <QPalette>

inline QPalette darkPalette()
{
    // Close to Breeze Dark. PlaceholderText is left as Qt derives it: the app must not lean on it.
    QPalette p;
    const QColor window(0x2a, 0x2e, 0x32), text(0xfc, 0xfc, 0xfc), base(0x1b, 0x1e, 0x20),
        button(0x31, 0x36, 0x3b), disabled(0x6e, 0x71, 0x75);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Light, button.lighter(150));
    p.setColor(QPalette::Midlight, button.lighter(120));
    p.setColor(QPalette::Mid, button.darker(120));
    p.setColor(QPalette::Dark, button.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}
