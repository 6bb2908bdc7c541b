#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace centrale {

class SyncController;

// The status bar's part about the server: online / offline (and when it tries again) / not
// connected, changes waiting, the last sync, the conflicts (a link to them), progress and "Sync now".
class SyncStatusWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatusWidget)
public:
    explicit SyncStatusWidget(SyncController &controller, QWidget *parent = nullptr);

    QString stateText() const;
    QString waitingText() const;
    QString lastSyncText() const;
    QString conflictsText() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void conflictsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    SyncController &m_controller;
    QLabel *m_state;
    QLabel *m_waiting;
    QLabel *m_last;
    QLabel *m_conflicts;
    QProgressBar *m_progress;
    QPushButton *m_syncNow;
    QTimer *m_tick;
};

} // namespace centrale
