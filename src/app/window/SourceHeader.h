#pragma once

#include <QDateTime>
#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;
namespace nuki {
class Home;
}

// The line above a source's devices: its name and status in words (online, busy, offline
// since, token rejected with a way to fix it, a bridge's clock difference, push or polling).
class SourceHeader : public QFrame
{
    Q_OBJECT
public:
    SourceHeader(nuki::Home *home, const QString &sourceId, QWidget *parent = nullptr);
    void refresh();
    QString sourceId() const { return m_id; }
    // Why instant updates are off, if they are (set by the view when push exists).
    void setPushProblem(std::function<QString()> problem) { m_pushProblem = std::move(problem); }

signals:
    void detailsRequested(const QString &bridgeId);
    void newTokenRequested(const QString &bridgeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    bool rememberedSince(QDateTime *seen) const;

    nuki::Home *m_home;
    QString m_id;
    class ElidedLabel *m_name;
    QPushButton *m_details;
    QLabel *m_status;
    QLabel *m_banner;
    QPushButton *m_token;
    std::function<QString()> m_pushProblem;
};
