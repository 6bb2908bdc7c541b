#include "sync/SyncStatusWidget.h"

#include "sync/SyncController.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

namespace centrale {

namespace {
QString waitText(qint64 seconds)
{
    if (seconds >= 60)
        return SyncStatusWidget::tr("%n min", nullptr, static_cast<int>((seconds + 59) / 60));
    return SyncStatusWidget::tr("%n s", nullptr, static_cast<int>(std::max<qint64>(seconds, 0)));
}
} // namespace

SyncStatusWidget::SyncStatusWidget(SyncController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_state(new QLabel(this)), m_waiting(new QLabel(this)), m_last(new QLabel(this)),
      m_conflicts(new QLabel(this)), m_progress(new QProgressBar(this)), m_syncNow(new QPushButton(this)), m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("syncStatus"));
    m_state->setObjectName(QStringLiteral("syncState"));
    m_waiting->setObjectName(QStringLiteral("syncWaiting"));
    m_last->setObjectName(QStringLiteral("syncLast"));
    m_conflicts->setObjectName(QStringLiteral("syncConflicts"));
    m_conflicts->setTextFormat(Qt::RichText);
    m_conflicts->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(120);
    m_progress->setMaximumHeight(16);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_syncNow->setFlat(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    for (QWidget *w : {static_cast<QWidget *>(m_waiting), static_cast<QWidget *>(m_last), static_cast<QWidget *>(m_conflicts),
             static_cast<QWidget *>(m_progress), static_cast<QWidget *>(m_state), static_cast<QWidget *>(m_syncNow)})
        layout->addWidget(w);
    // While a sync runs, the same button stops it.
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        if (m_controller.state() == SyncController::State::Syncing)
            m_controller.stopSync();
        else
            m_controller.syncNow();
    });
    connect(m_conflicts, &QLabel::linkActivated, this, &SyncStatusWidget::conflictsRequested);
    connect(&m_controller, &SyncController::stateChanged, this, &SyncStatusWidget::refresh);
    connect(&m_controller, &SyncController::progress, this, [this](const QString &step, int done, int total) {
        m_progress->setMaximum(std::max(total, 0));
        m_progress->setValue(std::min(done, std::max(total, 0)));
        m_progress->setToolTip(step);
        m_state->setText(m_controller.stopping() ? tr("Stopping…") : step.isEmpty() ? tr("Syncing…") : step);
    });
    // "next try in …" counts down.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &SyncStatusWidget::refresh);
    refresh();
}

QString SyncStatusWidget::stateText() const
{
    return m_state->text();
}
QString SyncStatusWidget::waitingText() const
{
    return m_waiting->text();
}
QString SyncStatusWidget::lastSyncText() const
{
    return m_last->text();
}
QString SyncStatusWidget::conflictsText() const
{
    return m_conflicts->isVisible() ? m_conflicts->text() : QString();
}

void SyncStatusWidget::refresh()
{
    const int waiting = m_controller.waiting();
    m_waiting->setText(tr("%n change(s) waiting to be sent", nullptr, waiting));
    const int conflicts = m_controller.conflictCount();
    m_conflicts->setText(QStringLiteral("<a href=\"#conflicts\">%1</a>").arg(tr("%n conflict(s)", nullptr, conflicts).toHtmlEscaped()));
    m_conflicts->setVisible(conflicts > 0);
    const SyncSettings settings = m_controller.settings();
    m_last->setVisible(m_controller.connected());
    m_last->setText(settings.lastSync.isValid()
            ? tr("last sync %1").arg(QLocale().toString(settings.lastSync.toLocalTime().time(), QLocale::ShortFormat))
            : tr("never synced"));
    if (settings.lastSync.isValid() && settings.lastSync.toLocalTime().date() != QDate::currentDate())
        m_last->setText(tr("last sync %1").arg(QLocale().toString(settings.lastSync.toLocalTime(), QLocale::ShortFormat)));
    const bool syncing = m_controller.state() == SyncController::State::Syncing;
    m_syncNow->setText(syncing ? tr("Stop") : tr("Sync now"));
    m_syncNow->setToolTip(syncing ? tr("Stop the sync after the changes on their way; what was sent or received is kept") : QString());
    m_syncNow->setVisible(m_controller.connected());
    m_syncNow->setEnabled(!m_controller.stopping());
    m_progress->setVisible(m_controller.state() == SyncController::State::Syncing);
    m_tick->stop();
    switch (m_controller.state()) {
    case SyncController::State::NotConnected:
        m_state->setText(tr("○ not connected to a server"));
        m_state->setToolTip(QString());
        break;
    case SyncController::State::Syncing:
        if (m_progress->maximum() == 100 && m_progress->value() <= 0)
            m_progress->setRange(0, 0);
        m_state->setText(m_controller.stopping() ? tr("Stopping…") : tr("Syncing…"));
        break;
    case SyncController::State::Online:
        m_state->setText(tr("● online"));
        m_state->setToolTip(m_controller.lastError().isEmpty() ? tr("Connected to %1 as %2").arg(settings.server, settings.username)
                                                               : m_controller.lastError());
        break;
    case SyncController::State::Offline: {
        const QDateTime next = m_controller.nextTry();
        m_state->setText(
            next.isValid() ? tr("● offline — next try in %1").arg(waitText(QDateTime::currentDateTime().secsTo(next))) : tr("● offline"));
        m_state->setToolTip(m_controller.lastError());
        if (next.isValid())
            m_tick->start();
        break;
    }
    }
}

void SyncStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace centrale
