// Qt's headers that most of our translation units include, precompiled once per target
// (CMake's target_precompile_headers, NUKI_PCH): a clean build parses them once instead of in
// every file. Only Qt's own headers: our own change too often to be worth it.
#pragma once
#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
