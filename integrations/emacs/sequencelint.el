;;; sequencelint.el --- sequencelint's language server in Emacs, with Eglot  -*- lexical-binding: t -*-

;; Load it from your init file (Eglot is built in from Emacs 29; on Emacs 28 install it,
;; e.g. Debian's elpa-eglot, and a YAML major mode, e.g. elpa-yaml-mode):
;;
;;   (load "/path/to/sequencelint/integrations/emacs/sequencelint.el")
;;
;; Set `sequencelint-program' first if `sequencelint' is not on `exec-path'.
;; docs/editors.md explains each part.

;;; Code:

(require 'eglot)
(require 'subr-x)                       ; when-let, on Emacs 28

(defvar sequencelint-program "sequencelint"
  "The sequencelint executable that Eglot starts as `sequencelint lsp'.")

(add-to-list 'eglot-server-programs
             `((yaml-mode yaml-ts-mode)
               . (,sequencelint-program "lsp" :initializationOptions (:debounceMs 200))))

;; Start the server for every YAML buffer.
(add-hook 'yaml-mode-hook #'eglot-ensure)
(add-hook 'yaml-ts-mode-hook #'eglot-ensure)

;; The workspace folder: the nearest folder above the file holding .sequencelint.yml, when
;; there is one (else the version-control root, as Eglot does by default).
(defun sequencelint-project (dir)
  "A project rooted at the nearest folder at or above DIR holding .sequencelint.yml."
  (when-let ((root (locate-dominating-file dir ".sequencelint.yml")))
    (cons 'transient root)))
(add-hook 'project-find-functions #'sequencelint-project)

(provide 'sequencelint)
;;; sequencelint.el ends here
