#pragma once

#include "common/CsvImportDialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QProgressDialog;

namespace centrale {

class Store;
class TablePanel;

// "Import…" and "Export…" of a panel's records as CSV (docs/csv.md): the import checks the file
// first and shows its report (CsvImportDialog); the export writes every record in the background.
class CsvActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvActions)
public:
    CsvActions(Store &store, TablePanel *panel, CsvImportDialog::Kind kind, QObject *parent = nullptr);
    ~CsvActions() override;

    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }
    // Opens the import dialog on this file and starts checking it.
    CsvImportDialog *importFile(const QString &path);
    // Writes the CSV in the background; exported() follows.
    void exportFile(const QString &path);

Q_SIGNALS:
    // Records were imported.
    void changed();
    // error is empty when the file was written.
    void exported(const QString &path, const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void chooseImportFile();
    void chooseExportFile();

    Store &m_store;
    TablePanel *m_panel;
    CsvImportDialog::Kind m_kind;
    QAction *m_import;
    QAction *m_export;
    QPointer<QThread> m_exporter;
    bool m_exporting = false;
    QPointer<QProgressDialog> m_exportProgress;
};

} // namespace centrale
