#pragma once

#include "CliContext.h"

#include <QStringList>

// One function per nukictl command; each returns the process's exit code.
namespace commands {
int bridges(CliContext &c);
int list(CliContext &c);
int status(CliContext &c, const QString &device);
int action(CliContext &c, const QString &command, const QStringList &args, bool unlatch);
int refresh(CliContext &c, const QString &device);
int watch(CliContext &c, int maxEvents, int intervalSeconds, bool forcePoll);
int info(CliContext &c);
int log(CliContext &c, int count);
int callbacks(CliContext &c, const QStringList &args);
int maintenance(CliContext &c, const QString &path);
int discover(CliContext &c, const QString &url, const QStringList &scanHosts, quint16 port);
int auth(CliContext &c, const QString &tokenFile);
int addBridge(CliContext &c, const QString &host, const QString &name, bool button);
QJsonObject deviceJson(const QString &bridge, const nuki::Device &d);
} // namespace commands
