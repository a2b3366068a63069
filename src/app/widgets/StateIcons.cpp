#include "widgets/StateIcons.h"

#include "protocol/Protocol.h"

#include <QPainter>
#include <QPainterPath>

namespace StateIcons {

Look lookFor(int deviceType, int state, bool known)
{
    if (!known || state < 0)
        return Look::Unknown;
    if (nuki::isTransitional(deviceType, state))
        return Look::Moving;
    if (nuki::isErrorState(deviceType, state))
        return Look::Attention;
    if (nuki::isOpener(deviceType))
        return state == int(nuki::OpenerState::RtoActive) || state == int(nuki::OpenerState::Open)
                   ? Look::OpenerActive
                   : Look::Opener;
    if (!nuki::isKnownDeviceType(deviceType))
        return Look::Unknown;
    return state == int(nuki::LockState::Locked) ? Look::Locked : Look::Unlocked;
}

Look lookFor(int deviceType, int state, bool known, std::optional<int> doorsensorState)
{
    const Look look = lookFor(deviceType, state, known);
    // An open door matters more than the lock's state (locked with the door open is no
    // protection), but less than an error or a moving lock.
    if (doorsensorState == int(nuki::DoorSensor::Opened) &&
        (look == Look::Locked || look == Look::Unlocked))
        return Look::Door;
    return look;
}

QColor colorFor(Look look)
{
    switch (look) {
    case Look::Locked:
        return QColor(0x2e, 0x9d, 0x5b);
    case Look::Unlocked:
        return QColor(0xe0, 0x8a, 0x1e);
    case Look::Moving:
        return QColor(0x3b, 0x7d, 0xd8);
    case Look::Attention:
        return QColor(0xd6, 0x3b, 0x3b);
    case Look::Opener:
        return QColor(0x6b, 0x72, 0x80);
    case Look::OpenerActive:
        return QColor(0x8e, 0x4e, 0xc6);
    case Look::Door:
        return QColor(0xe0, 0x8a, 0x1e);
    case Look::Unknown:
        break;
    }
    return QColor(0x9a, 0xa0, 0xa6);
}

static void drawPadlock(QPainter &p, const QRectF &r, bool open, const QColor &c)
{
    const qreal w = r.width();
    QPen pen(c, w * 0.09, Qt::SolidLine, Qt::RoundCap);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const QRectF shackle(r.left() + w * 0.28, r.top() + w * 0.08, w * 0.44, w * 0.5);
    QPainterPath arc;
    arc.moveTo(shackle.left(), shackle.center().y() + (open ? -w * 0.05 : w * 0.1));
    arc.arcTo(shackle, 180, -180);
    if (!open)
        arc.lineTo(shackle.right(), shackle.center().y() + w * 0.1);
    p.drawPath(open ? arc.translated(w * 0.12, -w * 0.04) : arc);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawRoundedRect(QRectF(r.left() + w * 0.18, r.top() + w * 0.42, w * 0.64, w * 0.5), w * 0.08,
                      w * 0.08);
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(r.center().x(), r.top() + w * 0.64), w * 0.06, w * 0.06);
}

// A warning sign, not a padlock: "needs attention" must not read as "locked".
static void drawAttention(QPainter &p, const QRectF &r, const QColor &c)
{
    const qreal w = r.width();
    QPainterPath triangle;
    triangle.moveTo(r.center().x(), r.top() + w * 0.08);
    triangle.lineTo(r.right() - w * 0.06, r.bottom() - w * 0.1);
    triangle.lineTo(r.left() + w * 0.06, r.bottom() - w * 0.1);
    triangle.closeSubpath();
    p.setPen(QPen(c, w * 0.06, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(c);
    p.drawPath(triangle);
    p.setPen(QPen(Qt::white, w * 0.1, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(r.center().x(), r.top() + w * 0.38),
               QPointF(r.center().x(), r.top() + w * 0.62));
    p.drawPoint(QPointF(r.center().x(), r.top() + w * 0.77));
}

// A door standing ajar in its frame: the door is open, whatever the lock says.
static void drawOpenDoor(QPainter &p, const QRectF &r, const QColor &c)
{
    const qreal w = r.width();
    const QRectF frame(r.left() + w * 0.2, r.top() + w * 0.08, w * 0.6, w * 0.84);
    p.setPen(QPen(c, w * 0.07, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
    QPainterPath door;
    door.moveTo(frame.left(), frame.top());
    door.lineTo(frame.left() + frame.width() * 0.55, frame.top() + w * 0.1);
    door.lineTo(frame.left() + frame.width() * 0.55, frame.bottom() + w * 0.02);
    door.lineTo(frame.left(), frame.bottom());
    door.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPath(door);
}

static void drawOpener(QPainter &p, const QRectF &r, const QColor &c)
{
    const qreal w = r.width();
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawRoundedRect(QRectF(r.left() + w * 0.22, r.top() + w * 0.1, w * 0.56, w * 0.8), w * 0.1,
                      w * 0.1);
    p.setBrush(Qt::white);
    for (int i = 0; i < 3; ++i)
        p.drawEllipse(QPointF(r.center().x() - w * 0.12 + i * w * 0.12, r.top() + w * 0.3),
                      w * 0.035, w * 0.035);
    p.drawEllipse(QPointF(r.center().x(), r.top() + w * 0.62), w * 0.1, w * 0.1);
}

QPixmap pixmap(Look look, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(0, 0, size, size);
    const QColor c = colorFor(look);
    switch (look) {
    case Look::Locked:
        drawPadlock(p, r, false, c);
        break;
    case Look::Unlocked:
        drawPadlock(p, r, true, c);
        break;
    case Look::Door:
        drawOpenDoor(p, r, c);
        break;
    case Look::Moving:
        drawPadlock(p, r, true, c);
        p.setBrush(c);
        break;
    case Look::Attention:
        drawAttention(p, r, c);
        break;
    case Look::Opener:
    case Look::OpenerActive:
        drawOpener(p, r, c);
        break;
    case Look::Unknown: {
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r.adjusted(size * 0.1, size * 0.1, -size * 0.1, -size * 0.1));
        p.setPen(Qt::white);
        QFont f = p.font();
        f.setPixelSize(int(size * 0.55));
        f.setBold(true);
        p.setFont(f);
        p.drawText(r, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    }
    return pm;
}

QIcon icon(Look look)
{
    QIcon i;
    for (int s : {16, 22, 24, 32, 48, 64})
        i.addPixmap(pixmap(look, s, 1.0));
    return i;
}

QIcon appIcon(Look overall)
{
    return icon(overall);
}

} // namespace StateIcons
