#pragma once

#include "bulk/ImportPlan.h"
#include "common/Result.h"

#include <QDialog>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace centrale {

class Store;

// Import of a CSV file of users or contacts, as a dry run first: the file is checked in the
// background (with progress and Cancel), the report shows what would be created, updated, left
// unchanged or rejected and why, line by line; nothing is written until the administrator presses
// Import, and then everything is written in one transaction or nothing is.
class CsvImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvImportDialog)
public:
    enum class Kind { Users, Contacts };

    // storePath: the store to import into; the work runs on connections of its own, off the UI thread.
    CsvImportDialog(const QString &storePath, Kind kind, QWidget *parent = nullptr);
    ~CsvImportDialog() override;

    // Checks the file (in the background); the report follows.
    void start(const QString &csvPath);
    // Writes what the report shows (in the background).
    void import();

    bool isBusy() const { return m_worker && m_worker->isRunning(); }
    QString summaryText() const;
    QString errorText() const;
    QTableWidget *reportTable() const { return m_report; }
    QCheckBox *skipRejectedBox() const { return m_skip; }
    QPushButton *importButton() const { return m_import; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    // The file was checked: the report is shown.
    void planned();
    // The import was written to the store.
    void imported(int created, int updated);
    // Checking or importing failed (errorText() says why) or was cancelled.
    void failed();

private:
    struct Prepared;
    void run(std::function<void(Store &, const BulkCancel *)> work);
    void showPlan(std::shared_ptr<Prepared> prepared);
    void showFailure(const QString &message);
    void setProgress(int done, int total);
    void updateImportButton();

    QString m_storePath;
    Kind m_kind;
    QString m_csvPath;
    std::shared_ptr<Prepared> m_prepared;
    std::shared_ptr<BulkCancel> m_cancel;
    QPointer<QThread> m_worker;
    QStackedWidget *m_pages;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_unknown;
    QTableWidget *m_report;
    QCheckBox *m_skip;
    QLabel *m_result;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_import;
};

} // namespace centrale
