#include "ChartCanvas.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

ChartCanvas::ChartCanvas(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumHeight(160);
}

QColor ChartCanvas::colorOf(int i)
{
    // Distinct for the common kinds of colour blindness (Okabe–Ito).
    static const QColor colors[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                    QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                    QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                                    QColor(0xf0, 0xe4, 0x42), QColor(0x99, 0x99, 0x99)};
    return colors[i % 8];
}

void ChartCanvas::setLines(const QList<Line> &lines, qint64 fromMs, qint64 untilMs,
                           const QString &ySuffix)
{
    m_lines = lines;
    m_bars.clear();
    m_labels.clear();
    m_from = fromMs;
    m_until = qMax(fromMs + 1, untilMs);
    m_ySuffix = ySuffix;
    m_title.clear();
    m_yMax = 100;
    m_yTick = 25;
    update();
}

void ChartCanvas::setBars(const QList<double> &values, const QStringList &labels,
                          const QString &title, const QString &ySuffix, const QString &legend)
{
    m_lines.clear();
    m_bars = values;
    m_labels = labels;
    m_title = title;
    m_ySuffix = ySuffix;
    m_legend = legend;
    // Round ticks (1, 2 or 5 times a power of ten), about five of them, and a top on a tick.
    double most = 5; // whole minutes at least: an empty chart reads 0–5
    for (double v : values)
        most = qMax(most, v);
    const double power = std::pow(10.0, std::floor(std::log10(most / 5)));
    m_yTick = power * 10;
    for (double f : {1.0, 2.0, 5.0})
        if (power * f >= most / 5) {
            m_yTick = power * f;
            break;
        }
    m_yMax = std::ceil(most / m_yTick) * m_yTick;
    update();
}

void ChartCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    const QFontMetrics fm = fontMetrics();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.18);

    // Room for the y labels, the x labels (and a title), and the legend below, in rows.
    const QString widest = QString::number(m_yMax, 'f', 0) + m_ySuffix;
    const int left = fm.horizontalAdvance(widest) + 10;
    QStringList names;
    if (m_lines.isEmpty() && !m_legend.isEmpty())
        names << m_legend;
    for (const Line &l : m_lines)
        names << l.name;
    QList<QPointF> legendAt; // each name's place, row by row
    {
        double x = left;
        int row = 0;
        for (const QString &name : names) {
            const double w = fm.horizontalAdvance(name) + 24;
            if (x + w > width() - 4 && x > left) {
                x = left;
                ++row;
            }
            legendAt << QPointF(x, row);
            x += w;
        }
    }
    const int legendRows = legendAt.isEmpty() ? 0 : int(legendAt.last().y()) + 1;
    const int bottom =
        fm.height() * (m_title.isEmpty() ? 1 : 2) + 8 + legendRows * (fm.height() + 6);
    const QRectF plot(left, fm.height() / 2 + 4, width() - left - 12,
                      height() - bottom - fm.height() / 2 - 4);
    if (plot.width() < 40 || plot.height() < 40)
        return;

    // The y axis: five lines with their values.
    p.setPen(text);
    const int ticks = qBound(1, int(std::lround(m_yMax / m_yTick)), 10);
    for (int i = 0; i <= ticks; ++i) {
        const double v = m_yMax * i / ticks;
        const double y = plot.bottom() - plot.height() * i / ticks;
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(text);
        const QString label = QString::number(v, 'f', 0) + m_ySuffix;
        p.drawText(QRectF(0, y - fm.height() / 2.0, left - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, label);
    }
    const QLocale locale;
    const double xLabelY = plot.bottom() + 4;
    if (!m_bars.isEmpty()) {
        const double slot = plot.width() / m_bars.size();
        // Every label that fits: at least one label's width apart.
        const int every =
            qMax(1, int(std::ceil((fm.horizontalAdvance(QStringLiteral("30")) + 6) / slot)));
        for (int i = 0; i < m_bars.size(); ++i) {
            const double h = plot.height() * qBound(0.0, m_bars[i] / m_yMax, 1.0);
            const QRectF bar(plot.left() + slot * i + slot * 0.18, plot.bottom() - h, slot * 0.64,
                             h);
            p.fillRect(bar, colorOf(0));
            if (i % every == 0 && i < m_labels.size()) {
                p.setPen(text);
                p.drawText(QRectF(plot.left() + slot * i - 10, xLabelY, slot + 20, fm.height()),
                           Qt::AlignHCenter | Qt::AlignTop, m_labels[i]);
            }
        }
        if (!m_title.isEmpty()) {
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.drawText(QRectF(plot.left(), xLabelY + fm.height() + 2, plot.width(), fm.height()),
                       Qt::AlignHCenter | Qt::AlignTop, m_title);
            p.setFont(font());
        }
    } else {
        // Time labels: as many as fit, evenly spaced.
        const QString form = QStringLiteral("d MMM");
        const int labelWidth = fm.horizontalAdvance(QStringLiteral("30 Sep")) + 16;
        const int count = qBound(2, int(plot.width() / labelWidth), 6);
        for (int i = 0; i < count; ++i) {
            const double f = double(i) / (count - 1);
            const qint64 t = m_from + qint64(double(m_until - m_from) * f);
            const double x = plot.left() + plot.width() * f;
            p.setPen(QPen(grid, 1));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            p.setPen(text);
            const QRectF r(x - labelWidth / 2.0, xLabelY, labelWidth, fm.height());
            const Qt::Alignment a = i == 0           ? Qt::AlignLeft
                                    : i == count - 1 ? Qt::AlignRight
                                                     : Qt::AlignHCenter;
            p.drawText(r.translated(i == 0           ? labelWidth / 2.0
                                    : i == count - 1 ? -labelWidth / 2.0
                                                     : 0,
                                    0),
                       a | Qt::AlignTop,
                       locale.toString(QDateTime::fromMSecsSinceEpoch(t).date(), form));
        }
        p.save();
        p.setClipRect(plot.adjusted(-2, -2, 2, 2));
        for (int i = 0; i < m_lines.size(); ++i) {
            QPainterPath path;
            bool first = true;
            for (const QPointF &pt : m_lines[i].points) {
                const QPointF at(plot.left() + plot.width() * double(pt.x() - m_from) /
                                                   double(m_until - m_from),
                                 plot.bottom() - plot.height() * qBound(0.0, pt.y() / m_yMax, 1.0));
                if (first)
                    path.moveTo(at);
                else
                    path.lineTo(at);
                first = false;
            }
            p.setPen(QPen(colorOf(i), 2));
            p.drawPath(path);
        }
        p.restore();
    }
    p.setPen(QPen(text, 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());

    // The legend: a swatch and a name for each line (or the bars' meaning), in rows.
    const double legendTop = height() - legendRows * (fm.height() + 6) - 2;
    for (int i = 0; i < legendAt.size(); ++i) {
        const double x = legendAt[i].x();
        const double y = legendTop + legendAt[i].y() * (fm.height() + 6);
        p.fillRect(QRectF(x, y + fm.height() / 2.0 - 5, 10, 10), colorOf(i));
        p.setPen(text);
        p.drawText(QRectF(x + 14, y, width() - x - 14, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, names[i]);
    }
}
