#pragma once

#include "audio/PromptConverter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace centrale {

class PcmSource;
class Store;
class SyncController;
class UserSearchDialog;

// "New voice prompt": a name, the spoken text, and the audio — an imported file (browse or drop),
// a local recording, or a recording by call. The conversion runs on a worker thread; the prompt
// is stored only when it succeeded. By call (connected to a server), the prompt goes to the
// server, which calls the chosen user's phone; the window follows the call's steps (calling,
// ringing, recording, saved) and closes once the recording has arrived in this store.
class NewPromptDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewPromptDialog)
public:
    enum class Source { File, Recording, Call };
    enum class RecordState { Idle, Recording, Recorded };

    // sources: the audio inputs to offer (the dialog takes them over); empty when there is none.
    NewPromptDialog(Store &store, const QList<PcmSource *> &sources, SyncController *sync = nullptr, QWidget *parent = nullptr);
    ~NewPromptDialog() override;

    void setFile(const QString &path);
    Source source() const;
    RecordState recordState() const { return m_recordState; }
    // Seconds recorded so far, and the highest level the meter showed (0–100).
    double recordedSeconds() const;
    int highestLevel() const { return m_highestLevel; }
    bool isConverting() const { return m_converting; }
    QString errorText() const;
    // The prompt stored by the last successful save.
    QString createdId() const { return m_createdId; }
    // Recording by call: the user whose phone is called (by default the administrator).
    void setCallUser(const QString &userId);
    QString callUser() const { return m_callUserId; }
    // Opens the search for the user to call (open(), not exec()).
    UserSearchDialog *chooseCallUser();
    bool isCalling() const { return m_calling; }
    // The call's last step as the server gave it: calling, ringing, recording, saved, failed.
    QString callStep() const { return m_callStep; }
    QString callStepsText() const;

    void save();
    void cancelConversion();

Q_SIGNALS:
    void promptCreated(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void reject() override;

private:
    struct Outcome {
        bool ok = false;
        PromptConverter::Conversion conversion;
        QString error;
    };

    void retranslate();
    void updateState();
    void fitHeight();
    void browse();
    void startRecording();
    void stopRecording();
    void retake();
    void onSamples(const QList<float> &interleaved);
    void onConverted();
    void showError(const QString &message);
    void startCall();
    void pollCall();
    void showCallJob(const QJsonObject &job);
    void callFailed(const QString &message);
    void fetchRecording();
    void forgetCallPrompt();
    PromptConverter::Options options() const;

    Store &m_store;
    QList<PcmSource *> m_sources;
    PcmSource *m_active = nullptr;

    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_descriptionLabel;
    QPlainTextEdit *m_description;
    QLabel *m_descriptionHint;
    QRadioButton *m_fileRadio;
    QRadioButton *m_recordRadio;
    QRadioButton *m_callRadio;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLabel *m_dropHint;
    QLabel *m_deviceLabel;
    QComboBox *m_device;
    QProgressBar *m_level;
    QPushButton *m_record;
    QPushButton *m_stop;
    QPushButton *m_retake;
    QLabel *m_elapsed;
    QLabel *m_noInput;
    SyncController *m_sync;
    QLineEdit *m_callUser;
    QPushButton *m_chooseUser;
    QLabel *m_callSteps;
    QLabel *m_callNote;
    QCheckBox *m_normalise;
    QProgressBar *m_progress;
    QPushButton *m_cancelConversion;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;

    RecordState m_recordState = RecordState::Idle;
    QList<float> m_recorded;
    int m_recordChannels = 1;
    int m_recordRate = 0;
    int m_highestLevel = 0;

    bool m_converting = false;
    int m_generation = 0;
    QString m_pendingName;
    QString m_pendingDescription;
    Source m_pendingSource = Source::File;
    QString m_pendingFile;
    QFutureWatcher<Outcome> *m_watcher = nullptr;
    QString m_createdId;

    QString m_callUserId;
    QString m_callPromptId; // created here for the call; removed again if the dialog closes without it
    QString m_callJob;
    QString m_callStep;
    qint64 m_recordedMs = 0;
    bool m_calling = false;
    bool m_fetching = false;
    QTimer m_callPoll;
};

} // namespace centrale
