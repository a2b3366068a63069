#include "web/WebSource.h"

// What Nuki Web's answers mean, in plain words: each failure says whether anything was sent,
// and an action's timeout, cut or server error says it may have reached the lock (never
// repeated).
namespace nuki {

SourceError WebSource::errorOf(const web::Result &r, bool post) const
{
    switch (r.outcome) {
    case HttpResult::Ok:
        break;
    case HttpResult::NotConnected:
        if (r.tlsRefused)
            return SourceError::said(
                SourceError::Unreachable,
                tr("Nuki Web's certificate is not trusted (%1): nothing was sent.")
                    .arg(r.errorText));
        return SourceError::said(SourceError::Unreachable,
                                 tr("Nuki Web cannot be reached (%1).").arg(r.errorText));
    case HttpResult::Timeout:
        return SourceError::said(SourceError::Timeout,
                                 post ? tr("Nuki Web did not answer the action in time: it may "
                                           "have reached the lock.")
                                      : tr("Nuki Web did not answer in time."),
                                 post);
    case HttpResult::Dropped:
        return SourceError::said(SourceError::ConnectionLost,
                                 post ? tr("The connection to Nuki Web broke after the action "
                                           "was sent: it may have reached the lock.")
                                      : tr("The connection to Nuki Web broke."),
                                 post);
    case HttpResult::TooLarge:
    case HttpResult::BadHttp: {
        SourceError e =
            SourceError::said(SourceError::BadResponse,
                              tr("Nuki Web's answer cannot be read (%1).").arg(r.errorText), post);
        e.sizeLimit = r.sizeLimit;
        return e;
    }
    }
    const int s = r.status;
    if (s >= 200 && s < 300)
        return {};
    const QString detail = web::errorDetail(r.body);
    switch (s) {
    case 401:
        return SourceError::said(SourceError::Unauthorized,
                                 tr("Nuki Web refuses the API token (401)."), false, s);
    case 404:
        return SourceError::said(SourceError::UnknownDevice,
                                 tr("Nuki Web does not know this device (any more): it may have "
                                    "been removed from the account."),
                                 false, s);
    case 423:
        return SourceError::said(SourceError::LockBusy,
                                 tr("Nuki Web says the lock is busy with another operation: "
                                    "nothing was done. Try again in a moment."),
                                 false, s);
    case 429:
        return SourceError::said(SourceError::Busy,
                                 tr("Nuki Web asks the app to slow down (429): nothing was done."),
                                 false, s);
    default:
        break;
    }
    if (s >= 500)
        return SourceError::said(
            SourceError::BadResponse,
            post ? tr("Nuki Web answered the action with a server error (%1): it may or may not "
                      "have reached the lock.")
                       .arg(s)
                 : tr("Nuki Web answered with a server error (%1); the app tries again later.")
                       .arg(s),
            post, s);
    return SourceError::said(SourceError::BadRequest,
                             detail.isEmpty()
                                 ? tr("Nuki Web refused the request (%1).").arg(s)
                                 : tr("Nuki Web refused the request (%1: %2).").arg(s).arg(detail),
                             false, s);
}

} // namespace nuki
