#include "platform/WindowActivation.h"

#include <QGuiApplication>
#include <QWidget>
#include <QWindow>

#include <xcb/xcb.h>

namespace {

xcb_atom_t atom(xcb_connection_t *c, const char *name)
{
    xcb_intern_atom_reply_t *r =
        xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, uint16_t(strlen(name)), name), nullptr);
    const xcb_atom_t a = r ? r->atom : XCB_NONE;
    free(r);
    return a;
}

// Startup notification spec: tell the launcher this id is done ("remove"), in 20-byte
// client messages to the root window.
void endStartupSequence(xcb_connection_t *c, xcb_window_t window, const QByteArray &id)
{
    const xcb_screen_t *screen = xcb_setup_roots_iterator(xcb_get_setup(c)).data;
    QByteArray text = "remove: ID=\"" + QByteArray(id).replace('"', "\\\"") + '"';
    text.append('\0');
    const xcb_atom_t begin = atom(c, "_NET_STARTUP_INFO_BEGIN");
    const xcb_atom_t more = atom(c, "_NET_STARTUP_INFO");
    for (qsizetype at = 0; at < text.size(); at += 20) {
        xcb_client_message_event_t ev{};
        ev.response_type = XCB_CLIENT_MESSAGE;
        ev.format = 8;
        ev.window = window;
        ev.type = at == 0 ? begin : more;
        memcpy(ev.data.data8, text.constData() + at, size_t(qMin<qsizetype>(20, text.size() - at)));
        xcb_send_event(c, 0, screen->root, XCB_EVENT_MASK_PROPERTY_CHANGE,
                       reinterpret_cast<const char *>(&ev));
    }
}

} // namespace

namespace WindowActivation {

void raise(QWidget *window, const QString &token)
{
    auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    if (!token.isEmpty() && x11) { // winId() makes the native window if it was never shown
        xcb_connection_t *c = x11->connection();
        const auto id = xcb_window_t(window->winId());
        const QByteArray startupId = token.toUtf8();
        xcb_change_property(c, XCB_PROP_MODE_REPLACE, id, atom(c, "_NET_STARTUP_ID"),
                            atom(c, "UTF8_STRING"), 8, uint32_t(startupId.size()),
                            startupId.constData());
        endStartupSequence(c, id, startupId);
        xcb_flush(c);
    } else if (!token.isEmpty() && QGuiApplication::platformName().startsWith(u"wayland")) {
        // Qt's Wayland backend takes this token (and clears it) on the next activation.
        qputenv("XDG_ACTIVATION_TOKEN", token.toUtf8());
    }
    window->showNormal();
    window->raise();
    window->activateWindow();
}

} // namespace WindowActivation
