;;; check.el --- a headless check of sequencelint's language server in Eglot  -*- lexical-binding: t -*-

;;   SEQUENCELINT_BINARY=.build/debug/sequencelint SEQUENCELINT_CHECK_OUTPUT=out.txt \
;;     emacs --batch -l integrations/emacs/check.el path/to/grade6.yml
;;
;; Loads sequencelint.el (next to this file), visits the file, starts Eglot, waits for
;; Flymake's diagnostics and writes them (line:column type message) to
;; SEQUENCELINT_CHECK_OUTPUT (or standard output), then asks for a hover and a definition on
;; the first `requires: [id]'. Exits 0 when diagnostics arrived (and the hover and definition
;; answered), 1 when not. integrations/emacs/check.sh runs it on a copy of Tests/lsp/workspace.

;;; Code:

(require 'package)
(package-initialize)                    ; Debian's elpa-* packages
(require 'yaml-mode nil t)              ; Emacs 28 has no YAML mode of its own

(defvar sequencelint-program)
(setq sequencelint-program (or (getenv "SEQUENCELINT_BINARY") "sequencelint"))
(load (expand-file-name "sequencelint.el" (file-name-directory load-file-name)) nil t)
(require 'flymake)

(let* ((file (expand-file-name (pop command-line-args-left)))
       (output (getenv "SEQUENCELINT_CHECK_OUTPUT"))
       (timeout (/ (string-to-number (or (getenv "SEQUENCELINT_CHECK_TIMEOUT_MS") "10000")) 1000.0))
       (lines nil)
       (ok nil))
  (cl-flet ((say (fmt &rest args) (push (apply #'format fmt args) lines)))
    (with-current-buffer (find-file-noselect file)
      (say "emacs %s, eglot %s, file %s, mode %s" emacs-version
           (or (ignore-errors (package-desc-version (cadr (assq 'eglot package-alist)))) "built in")
           file major-mode)
      ;; `eglot-ensure' starts the server after the current command; a batch run has none.
      (condition-case err
          (unless (eglot-current-server) (call-interactively #'eglot))
        (error (say "eglot did not start: %s" (error-message-string err))))
      (let ((server (eglot-current-server))
            (start (float-time)))
        (say "server %s, root %s" (and server (plist-get (eglot--server-info server) :name))
             (and server (project-root (eglot--project server))))
        (flymake-start)
        (while (and (null (flymake-diagnostics)) (< (- (float-time) start) timeout))
          (accept-process-output nil 0.05))
        (let ((diagnostics (sort (flymake-diagnostics)
                                 (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
          (say "diagnostics: %d" (length diagnostics))
          (dolist (d diagnostics)
            (let ((beg (flymake-diagnostic-beg d)))
              (say "%d:%d %s %s" (line-number-at-pos beg)
                   (save-excursion (goto-char beg) (1+ (- beg (line-beginning-position))))
                   (flymake-diagnostic-type d)
                   (car (split-string (flymake-diagnostic-text d) "\n")))))
          (setq ok (and diagnostics t)))
        ;; A hover and a definition on the first `requires: [id]', as M-x eldoc and M-. ask.
        (goto-char (point-min))
        (when (and server (re-search-forward "requires: \\[\\([[:alnum:]_.-]+\\)" nil t))
          (goto-char (1+ (match-beginning 1)))
          (let* ((id (match-string 1))
                 (params (eglot--TextDocumentPositionParams))
                 (hover (jsonrpc-request server :textDocument/hover params))
                 (definition (jsonrpc-request server :textDocument/definition params))
                 (location (if (vectorp definition) (and (> (length definition) 0) (aref definition 0)) definition))
                 (contents (plist-get hover :contents)))
            (say "hover on %s (line %d): %s" id (line-number-at-pos)
                 (if contents (car (split-string (plist-get contents :value) "\n")) "none"))
            (say "definition: %s"
                 (if location
                     (format "%s:%d" (file-name-nondirectory (eglot--uri-to-path (plist-get location :uri)))
                             (1+ (plist-get (plist-get (plist-get location :range) :start) :line)))
                   "none"))
            (setq ok (and ok contents location t))))
        (when server
          (let ((inhibit-message t)) (eglot-shutdown server))))))
  (let ((text (concat (mapconcat #'identity (nreverse lines) "\n") (if ok "\nok\n" "\nFAILED\n"))))
    (if output
        (with-temp-file output (insert text))
      (princ text)))
  (kill-emacs (if ok 0 1)))
;;; check.el ends here
