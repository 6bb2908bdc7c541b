#pragma once

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace centrale {

class NewPromptDialog;
class PcmSource;
class PromptDetail;
class Store;
class SyncController;
class TablePanel;

// Organisation › Voice prompts: adds to the prompt list its actions (New, Delete, Export, Play),
// the detail area (waveform, playback, usage) and drag and drop of audio files.
class PromptsPage final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptsPage)
public:
    using SourceFactory = std::function<QList<PcmSource *>(QObject *parent)>;

    PromptsPage(Store &store, TablePanel *panel, QObject *parent = nullptr);

    // The audio inputs offered for recording; by default the system's (AudioInputSource).
    void setSourceFactory(SourceFactory factory) { m_sourceFactory = std::move(factory); }
    // Recording by call goes through this connection when it is set and connected.
    void setSyncController(SyncController *sync) { m_sync = sync; }
    // Opens the dialog (non-modal to the caller: open(), not exec()); file preselects an import.
    NewPromptDialog *newPrompt(const QString &file = {});
    void deleteSelected();
    void exportSelected();
    void playSelected();
    PromptDetail *detail() const { return m_detail; }
    QAction *newAction() const { return m_new; }
    QAction *deleteAction() const { return m_delete; }
    QAction *exportAction() const { return m_export; }
    QAction *playAction() const { return m_play; }

Q_SIGNALS:
    // The store's prompts changed (added or deleted).
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void select(const QString &id);
    void showMessage(const QString &title, const QString &text, bool warning);

    Store &m_store;
    TablePanel *m_panel;
    PromptDetail *m_detail;
    QAction *m_new;
    QAction *m_delete;
    QAction *m_export;
    QAction *m_play;
    SyncController *m_sync = nullptr;
    SourceFactory m_sourceFactory;
};

} // namespace centrale
