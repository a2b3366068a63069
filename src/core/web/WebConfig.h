#pragma once

#include <QString>
#include <QUrl>

namespace nuki {

// A Nuki Web account as the settings keep it. Its API token lives in the keychain, never here.
struct WebConfig
{
    QString id = QStringLiteral("web"); // one account per home for now
    QString name;                       // "Nuki Web"
    // https://api.nuki.io unless a proxy or a test says otherwise (--web-api).
    QString apiUrl = QStringLiteral("https://api.nuki.io");
    // A CA to trust besides the system's (a test's, a proxy's); verification stays on.
    QString caFile;
    // Names of keypad codes and users from /smartlock/{id}/auth: only on the person's word
    // (the token then needs smartlock.auth, which also exposes keypad codes).
    bool namesFromAuths = false;

    // Whether `url` may be used: https to anywhere, plain http only to a loopback address
    // (tests, a local proxy). Empty when fine, else why not, in words.
    static QString checkUrl(const QString &url);
};

} // namespace nuki
