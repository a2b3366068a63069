#pragma once

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

// A small chart painted with QPainter in the widget's palette: lines over time (the battery)
// or bars per day (the door). Hand-painted rather than QtCharts: two plain charts need ~200
// lines here, while QtCharts would load QtCharts, QtOpenGL and QtOpenGLWidgets into every
// start of the app (measured: the warm start grew), for a window most starts never open.
class ChartCanvas : public QWidget
{
    Q_OBJECT
public:
    struct Line
    {
        QString name;
        QList<QPointF> points; // x: ms since the epoch; y: 0..100
    };
    explicit ChartCanvas(QWidget *parent = nullptr);
    void setLines(const QList<Line> &lines, qint64 fromMs, qint64 untilMs, const QString &ySuffix);
    void setBars(const QList<double> &values, const QStringList &labels, const QString &title,
                 const QString &ySuffix, const QString &legend);
    QSize sizeHint() const override { return {480, 260}; }
    QSize minimumSizeHint() const override { return {220, 160}; }
    int lineCount() const { return int(m_lines.size()); }
    int barCount() const { return int(m_bars.size()); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static QColor colorOf(int i);
    QList<Line> m_lines;
    qint64 m_from = 0, m_until = 0;
    QList<double> m_bars;
    QStringList m_labels;
    QString m_title, m_ySuffix, m_legend;
    double m_yMax = 100;
    double m_yTick = 25;
};
