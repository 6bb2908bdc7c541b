#include "users/WelcomeDialog.h"

#include "domain/WelcomeMessage.h"
#include "store/Store.h"
#include "sync/SyncController.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace centrale {

namespace {
constexpr int kRefreshMs = 3000;
} // namespace

WelcomeDialog::WelcomeDialog(Store &store, const QStringList &userIds, SyncController *sync, QWidget *parent)
    : QDialog(parent), m_store(store), m_sync(sync), m_userIds(userIds), m_pages(new QStackedWidget(this)),
      m_web(new QCheckBox(WelcomeMessage::channelLabel(WelcomeMessage::Channel::Web), this)),
      m_mobile(new QCheckBox(WelcomeMessage::channelLabel(WelcomeMessage::Channel::Mobile), this)),
      m_softphone(new QCheckBox(WelcomeMessage::channelLabel(WelcomeMessage::Channel::Softphone), this)), m_error(new QLabel(this)),
      m_summary(new QLabel(this)), m_status(new QTableWidget(0, 3, this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome message"));
    m_web->setObjectName(QStringLiteral("welcomeWeb"));
    m_mobile->setObjectName(QStringLiteral("welcomeMobile"));
    m_softphone->setObjectName(QStringLiteral("welcomeSoftphone"));
    m_web->setToolTip(tr("How to sign in to the web portal"));
    m_mobile->setToolTip(tr("Where to download the smartphone app and how to set it up"));
    m_softphone->setToolTip(tr("Where to download the PC softphone and how to set it up"));
    m_error->setObjectName(QStringLiteral("welcomeError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *choose = new QWidget(m_pages);
    auto *intro = new QLabel(m_userIds.size() == 1 ? tr("Select one or more accesses. The message tells the user how to sign in or "
                                                        "install the application, with the username and a link to choose a password.")
                                                   : tr("Select one or more accesses for the %n selected user(s). The message tells "
                                                        "each user how to sign in or install the application, with the username and a "
                                                        "link to choose a password.",
                                                        nullptr, int(m_userIds.size())),
                             choose);
    intro->setWordWrap(true);
    auto *chooseLayout = new QVBoxLayout(choose);
    chooseLayout->addWidget(intro);
    chooseLayout->addWidget(m_web);
    chooseLayout->addWidget(m_mobile);
    chooseLayout->addWidget(m_softphone);
    chooseLayout->addWidget(m_error);
    chooseLayout->addStretch(1);

    auto *status = new QWidget(m_pages);
    m_summary->setObjectName(QStringLiteral("welcomeSummary"));
    m_summary->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("welcomeStatus"));
    m_status->setHorizontalHeaderLabels({tr("User"), tr("Access"), tr("Status")});
    m_status->horizontalHeader()->setStretchLastSection(true);
    m_status->verticalHeader()->setVisible(false);
    m_status->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *statusLayout = new QVBoxLayout(status);
    statusLayout->addWidget(m_summary);
    statusLayout->addWidget(m_status, 1);
    m_pages->addWidget(choose);
    m_pages->addWidget(status);

    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("welcomeOk"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WelcomeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WelcomeDialog::reject);
    for (QCheckBox *box : {m_web, m_mobile, m_softphone})
        connect(box, &QCheckBox::toggled, this, &WelcomeDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);
    m_refresh.setInterval(kRefreshMs);
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, &WelcomeDialog::refreshQueued);
    resize(620, 380);
    updateOk();
}

void WelcomeDialog::updateOk()
{
    if (!m_done)
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_web->isChecked() || m_mobile->isChecked() || m_softphone->isChecked());
}

QString WelcomeDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString WelcomeDialog::summaryText() const
{
    return m_summary->text();
}

QString WelcomeDialog::userName(const QString &userId, const QString &fallback) const
{
    if (auto u = m_store.users.get(userId); u)
        return u->displayName();
    return fallback;
}

void WelcomeDialog::setRow(int row, const QString &user, const QString &access, const QString &status, Severity severity)
{
    m_status->setItem(row, 0, new QTableWidgetItem(user));
    m_status->setItem(row, 1, new QTableWidgetItem(access));
    auto *item = new QTableWidgetItem(status);
    item->setToolTip(status);
    if (severity == Severity::Bad)
        item->setForeground(QColor(0xb0, 0x00, 0x20));
    else if (severity == Severity::Good)
        item->setForeground(QColor(0x1b, 0x5e, 0x20));
    m_status->setItem(row, 2, item);
}

void WelcomeDialog::finish()
{
    m_done = true;
    m_pages->setCurrentIndex(1);
    m_buttons->button(QDialogButtonBox::Cancel)->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Close"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

void WelcomeDialog::accept()
{
    if (m_done) {
        m_refresh.stop();
        return QDialog::accept();
    }
    if (m_sending)
        return;
    QList<WelcomeMessage::Channel> channels;
    if (m_web->isChecked())
        channels << WelcomeMessage::Channel::Web;
    if (m_mobile->isChecked())
        channels << WelcomeMessage::Channel::Mobile;
    if (m_softphone->isChecked())
        channels << WelcomeMessage::Channel::Softphone;
    if (!m_sync || !m_sync->connected()) {
        queueLocally(channels, tr("They are sent when Centrale is connected to the server; until then they wait with the other changes."));
        return;
    }
    QStringList accesses;
    for (WelcomeMessage::Channel c : std::as_const(channels))
        accesses << WelcomeMessage::channelName(c);
    m_error->hide();
    m_sending = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    for (QCheckBox *box : {m_web, m_mobile, m_softphone})
        box->setEnabled(false);
    m_summary->setText(tr("Sending through the server…"));
    m_pages->setCurrentIndex(1);
    QPointer<WelcomeDialog> self(this);
    m_sync->sendWelcome(m_userIds, accesses, [self, channels](const SyncController::Reply &reply) {
        if (!self)
            return;
        self->m_sending = false;
        for (QCheckBox *box : {self->m_web, self->m_mobile, self->m_softphone})
            box->setEnabled(true);
        if (reply.ok) {
            self->showServerResults(reply.items);
            return;
        }
        if (reply.offline) {
            // Nothing is lost: the requests wait in the store and leave with the next sync.
            self->queueLocally(channels, tr("The server cannot be reached (%1). The messages wait with the other changes and are sent at the next sync.")
                                             .arg(reply.message));
            return;
        }
        self->m_pages->setCurrentIndex(0);
        self->m_error->setText(reply.message);
        self->m_error->show();
        self->updateOk();
    });
}

void WelcomeDialog::queueLocally(const QList<WelcomeMessage::Channel> &channels, const QString &note)
{
    auto deliveries = m_store.users.requestWelcome(m_userIds, channels);
    if (!deliveries) {
        m_pages->setCurrentIndex(0);
        m_error->setText(deliveries.error().message);
        m_error->show();
        updateOk();
        return;
    }
    int queued = 0;
    m_status->setRowCount(int(deliveries->size()));
    for (int r = 0; r < deliveries->size(); ++r) {
        const WelcomeMessage::Delivery &d = deliveries->at(r);
        QString text;
        switch (d.via) {
        case WelcomeMessage::Via::Email: text = tr("Queued: by email to %1").arg(d.address); break;
        case WelcomeMessage::Via::Sms: text = tr("Queued: by SMS to %1").arg(d.address); break;
        case WelcomeMessage::Via::None: text = tr("Not sent: %1").arg(d.problem); break;
        }
        if (d.via != WelcomeMessage::Via::None)
            ++queued;
        setRow(r, d.userName, WelcomeMessage::channelLabel(d.channel), text, d.via == WelcomeMessage::Via::None ? Severity::Bad : Severity::Pending);
    }
    m_status->resizeColumnsToContents();
    const int failed = int(deliveries->size()) - queued;
    QString summary = tr("%n message(s) queued.", nullptr, queued) + QLatin1Char(' ') + note;
    if (failed > 0)
        summary += QLatin1Char(' ') + tr("%n message(s) cannot be sent.", nullptr, failed);
    m_summary->setText(summary);
    finish();
    Q_EMIT requested(queued);
}

void WelcomeDialog::showServerResults(const QList<QJsonObject> &messages)
{
    if (m_messages.isEmpty()) {
        m_messages = messages;
    } else {
        // A refresh: the messages checked again replace their rows.
        for (const QJsonObject &m : messages) {
            for (QJsonObject &row : m_messages) {
                if (row.value(QLatin1String("id")) == m.value(QLatin1String("id")))
                    row = m;
            }
        }
    }
    int sent = 0;
    int queued = 0;
    int failed = 0;
    m_status->setRowCount(int(m_messages.size()));
    for (int r = 0; r < m_messages.size(); ++r) {
        const QJsonObject &m = m_messages.at(r);
        const QString status = m.value(QLatin1String("status")).toString();
        const bool sms = m.value(QLatin1String("delivery")).toString() == QLatin1String("sms");
        const QString to = m.value(QLatin1String("to")).toString();
        const QString reason = m.value(QLatin1String("reason")).toString();
        QString access = m.value(QLatin1String("channel")).toString();
        for (WelcomeMessage::Channel c : WelcomeMessage::channels()) {
            if (WelcomeMessage::channelName(c) == access)
                access = WelcomeMessage::channelLabel(c);
        }
        QString text;
        Severity severity = Severity::Pending;
        if (status == QLatin1String("sent")) {
            ++sent;
            severity = Severity::Good;
            text = sms ? tr("Sent by SMS to %1").arg(to) : tr("Sent by email to %1").arg(to);
        } else if (status == QLatin1String("queued")) {
            ++queued;
            const QString where = sms ? tr("by SMS to %1").arg(to) : tr("by email to %1").arg(to);
            text = reason.isEmpty() ? tr("Queued: %1, about to be sent").arg(where) : tr("Queued for another attempt, %1: %2").arg(where, reason);
        } else {
            ++failed;
            severity = Severity::Bad;
            text = tr("Not sent: %1").arg(reason.isEmpty() ? tr("the server gave no reason") : reason);
        }
        setRow(r, userName(m.value(QLatin1String("userId")).toString(), m.value(QLatin1String("username")).toString()), access, text, severity);
    }
    m_status->resizeColumnsToContents();
    QStringList parts;
    parts << tr("%n message(s) sent.", nullptr, sent);
    if (queued > 0)
        parts << tr("%n message(s) queued: the server tries again, and this window checks every few seconds.", nullptr, queued);
    if (failed > 0)
        parts << tr("%n message(s) not sent.", nullptr, failed);
    m_summary->setText(parts.join(QLatin1Char(' ')));
    const bool first = !m_done;
    finish();
    if (queued > 0)
        m_refresh.start();
    if (first)
        Q_EMIT requested(sent + queued);
}

void WelcomeDialog::refreshQueued()
{
    if (!m_sync || !isVisible())
        return;
    QStringList ids;
    for (const QJsonObject &m : std::as_const(m_messages)) {
        if (m.value(QLatin1String("status")).toString() == QLatin1String("queued"))
            ids << m.value(QLatin1String("id")).toString();
    }
    if (ids.isEmpty())
        return;
    QPointer<WelcomeDialog> self(this);
    m_checking = true;
    m_sync->fetchMessages(ids, [self](const SyncController::Reply &reply) {
        if (!self)
            return;
        self->m_checking = false;
        if (reply.ok)
            self->showServerResults(reply.items);
        else
            self->m_refresh.start(); // offline for a moment: try again
    });
}

} // namespace centrale
