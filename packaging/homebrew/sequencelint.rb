# Homebrew formula for sequencelint: installs the release archive for the platform (no Swift
# toolchain and no libyaml needed), or, with --HEAD, builds the main branch from source.
#
# This file is a template: packaging/homebrew/render-formula.sh fills in @VERSION@, @REPO@ and
# the @SHA256_...@ checksums from the release's .sha256 files. The release workflow attaches the
# filled-in formula to each GitHub release as sequencelint.rb; copy it into a tap
# (Formula/sequencelint.rb) to publish it.
class Sequencelint < Formula
  desc "Static analyzer for school curriculum maps: progression, balance, alignment"
  homepage "https://github.com/@REPO@"
  version "@VERSION@"
  license "MIT"

  on_macos do
    depends_on arch: :arm64

    url "https://github.com/@REPO@/releases/download/v@VERSION@/sequencelint-@VERSION@-arm64-macos.tar.gz"
    sha256 "@SHA256_ARM64_MACOS@"
  end

  on_linux do
    on_intel do
      url "https://github.com/@REPO@/releases/download/v@VERSION@/sequencelint-@VERSION@-x86_64-linux.tar.gz"
      sha256 "@SHA256_X86_64_LINUX@"
    end
    on_arm do
      url "https://github.com/@REPO@/releases/download/v@VERSION@/sequencelint-@VERSION@-aarch64-linux.tar.gz"
      sha256 "@SHA256_AARCH64_LINUX@"
    end
  end

  head do
    url "https://github.com/@REPO@.git", branch: "main"

    depends_on "pkgconf" => :build
    depends_on "libyaml"
    uses_from_macos "swift" => :build
  end

  def install
    if build.head?
      system "swift", "build", "--disable-sandbox", "--configuration", "release", "--product", "sequencelint"
      bin.install ".build/release/sequencelint"
      man1.install "docs/sequencelint.1"
      generate_completions_from_executable(bin/"sequencelint", "--generate-completion-script")
    else
      bin.install "bin/sequencelint"
      man1.install "share/man/man1/sequencelint.1"
      bash_completion.install "share/bash-completion/completions/sequencelint"
      zsh_completion.install "share/zsh/site-functions/_sequencelint"
      fish_completion.install "share/fish/vendor_completions.d/sequencelint.fish"
    end
  end

  test do
    assert_match version.to_s, shell_output("#{bin}/sequencelint --version") unless build.head?
    assert_match "ccss-math", shell_output("#{bin}/sequencelint frameworks")
  end
end
