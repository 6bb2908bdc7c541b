#pragma once

#include "calendar/IcsCalendar.h"
#include "domain/VoicePrompt.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QPushButton;
class QLabel;
class QListWidget;

namespace centrale {

class Store;

// Shows what an .ics file will bring into a function number's calendar before it is imported:
// the events (count and titles), what is skipped and why, the importer's notes; lets the
// administrator choose the imported events' state (closed by default, or as in the file when it
// carries X-CENTRALE-STATE) and voice prompt. Nothing is written: on OK, parsed() holds the
// events to add.
class ImportIcsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportIcsDialog)
public:
    ImportIcsDialog(Store &store, const QByteArray &ics, const QString &fileName, const QString &functionId,
        const QList<VoicePrompt> &prompts, QWidget *parent = nullptr);
    ~ImportIcsDialog() override;

    IcsCalendar::ImportOptions options() const;
    // The file parsed with the chosen options; nullopt when it is malformed.
    const std::optional<IcsCalendar::Parsed> &parsed() const { return m_parsed; }
    QString errorText() const { return m_error; }
    // The file's default state, when it is to be applied: the calendar is empty (restoring an
    // exported calendar) and its default state differs.
    std::optional<OpenState> defaultStateToApply() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void reparse();
    void retranslate();

    std::unique_ptr<IcsCalendar> m_ics;
    QByteArray m_bytes;
    QString m_fileName;
    QString m_functionId;
    bool m_fileHasState;
    bool m_fileHasPrompt;
    bool m_calendarEmpty = false;
    OpenState m_currentDefault = OpenState::Closed;
    std::optional<IcsCalendar::Parsed> m_parsed;
    QString m_error;
    QLabel *m_summary;
    QListWidget *m_events;
    QLabel *m_skippedLabel;
    QListWidget *m_skipped;
    QLabel *m_notes;
    QLabel *m_stateLabel;
    QComboBox *m_state;
    QLabel *m_promptLabel;
    QComboBox *m_prompt;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok; // a custom button: QDialogButtonBox renames its standard ones on a language change
};

} // namespace centrale
